using Bansos.Card;
using Bansos.Payout.Data;
using Bansos.Payout.Domain;
using Bansos.Payout.Keys;
using Bansos.ServiceDefaults.Hosting;

namespace Bansos.Payout.Application;

/// <summary>
/// BeginPayout (docs/architecture.md §5 step 2): read only — the card's view through the database's
/// <see cref="ICardViewReader"/>, the eligibility rules, and a challenge that is sealed, not stored.
/// </summary>
public sealed class PayoutChallenges(
    ICardViewReader cardViews,
    ChallengeIssuer challenges,
    TimeProvider time,
    PayoutOptions options,
    BeginPayoutLimiter limiter,
    TrainingPeriods training)
{
    public async Task<BeginPayoutResult> BeginAsync(long terminalId, string? cardNumberText, CancellationToken ct)
    {
        if (!CardNumber.TryParse(cardNumberText?.Trim(), out var cardNumber))
        {
            throw new ValidationException("card_number", "Nomor kartu harus 16 angka dengan digit kontrol Luhn (card number must be 16 digits with a valid Luhn check digit).");
        }

        limiter.Take(terminalId);
        var view = CardViewFacts.From(await cardViews.ReadAsync(terminalId, cardNumber.Digits, ct))
            ?? throw new TerminalNotAllowedException("Terminal tidak terdaftar (terminal not enrolled).");

        // A disabled terminal learns nothing of the card, known or not.
        if (view.TerminalStatus != TerminalStatus.Active)
        {
            throw new TerminalNotAllowedException("Terminal dinonaktifkan (terminal disabled).");
        }

        if (view is not { Card: { } card, Household: { } household })
        {
            throw new NotFoundException("Kartu tidak dikenal (card not known).");
        }

        var open = view.Open;
        var refusal = PayoutEligibility.CheckCard(terminalActive: true, card, household, open);
        if (refusal is not null)
        {
            // A refusal names the card's status and the reason, nothing of the household.
            return new BeginPayoutResult(cardNumber.Digits, card, null, [], refusal, null, null, terminalId, NoPeriods);
        }

        var (challenge, id) = challenges.Issue(terminalId, cardNumber, time.GetUtcNow() + options.ChallengeTtl);
        // From memory after a period's first ask: no query on the hot path.
        var trainingPeriods = await training.AmongAsync(open.Select(e => e.PeriodId), ct);
        return new BeginPayoutResult(cardNumber.Digits, card, household, open, null, challenge, id, terminalId, trainingPeriods);
    }

    private static readonly IReadOnlySet<long> NoPeriods = new HashSet<long>();
}
