using Bansos.Agent.Cards;
using Bansos.Agent.Messages;
using Bansos.Agent.Payout;
using Bansos.Agent.Session;
using Bansos.Card;
using Bansos.PcSc;

namespace Bansos.Agent.Complaints;

/// <summary>
/// The household of the card in the reader, for a complaint: SELECT gives the card number, and
/// BeginPayout (no PIN, read-only) the household id and village when the card can draw. A card
/// that cannot draw gets no household data from the service (docs/payout.md), so only its masked
/// number is known.
/// </summary>
public sealed record HouseholdAtHand(string MaskedCard, string? HouseholdId, string? VillageCode)
{
    /// <summary>The household at hand, or the reason in plain words why the card could not be read.</summary>
    public static async Task<(HouseholdAtHand? Household, Notice? Problem)> ReadAsync(ICardReader reader, ITerminalClient terminal, CancellationToken cancellationToken)
    {
        CardNumber number;
        try
        {
            if (!reader.CheckCardPresent()) return (null, Notice.Warning(Msg.ComplaintNoCard, reader.Name));
            using var connection = reader.Connect();
            var fci = new AidCardClient(connection).Select();
            if (!fci.IsPersonalised || fci.CardNumber is not { } read) return (null, Notice.Error(Msg.CardBlank));
            number = read;
        }
        catch (CardException e)
        {
            return (null, Notice.Error(CardRefusals.ForSelect(e.StatusWord) == Protos.Payout.V1.CardRefusal.NotBansosCard ? Msg.NotBansosCard : Msg.CardUnreadable));
        }
        catch (CardRemovedException)
        {
            return (null, Notice.Warning(Msg.ComplaintNoCard, reader.Name));
        }
        catch (PcScException e)
        {
            return (null, ReaderProblems.For(e, reader.Name));
        }

        var begin = await terminal.BeginPayoutAsync(number.Digits, cancellationToken);
        var masked = number.ToMaskedString();
        return begin.CanPay && begin.HouseholdId.Length > 0
            ? (new HouseholdAtHand(masked, begin.HouseholdId, begin.VillageCode), null)
            : (new HouseholdAtHand(masked, null, null), null);
    }
}
