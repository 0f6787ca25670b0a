using Bansos.ServiceDefaults.Codes;
using System.Data;
using System.Text.Json;
using Bansos.Registry.Data;
using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Cards;
using Bansos.Registry.Domain.Households;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Registry.Application;

/// <summary>
/// Aid-card lifecycle commands: each one transaction with its history, events and audit entry.
/// Serializable, so that two commands on the same card or household cannot both act on what they read
/// (on PostgreSQL the loser gets 40001 and runs again; SQLite serialises writers anyway).
/// </summary>
public sealed class CardCommands(
    IDbSessions sessions, HouseholdStore households, CardStore cards, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>Households given a card per transaction by <see cref="IssueMissingAsync"/>.</summary>
    private const int IssueBatch = 500;

    public Task<AidCard> IssueAsync(Guid householdId, string actor, CancellationToken ct) =>
        sessions.WriteAsync(async session =>
        {
            var household = await households.LoadAsync(session, householdId, ct)
                ?? throw new NotFoundException("Keluarga tidak ditemukan (household not found).");
            var existing = await cards.ForHouseholdAsync(session, householdId, ct);
            var serial = await cards.ReserveSerialsAsync(session, 1, ct);
            var at = clock.GetUtcNow();
            var result = AidCard.Issue(Guid.CreateVersion7(), AidCardNumber.FromSequence(serial), household, [.. existing], actor, at);
            CommandOutcome.ThrowIfFailed(result);
            var card = result.Value!;
            await cards.InsertAsync(session, [card], at, ct);
            await StoreAsync(session, card.HouseholdId, result, actor, "ISSUE_CARD", card, null, ct);
            return card;
        }, IsolationLevel.Serializable, ct);

    public Task<AidCard> BlockAsync(string cardNumber, string? reason, string actor, CancellationToken ct) =>
        ChangeAsync(cardNumber, actor, "BLOCK_CARD", (card, at) => card.Block(actor, at, reason), ct);

    public Task<AidCard> UnblockAsync(string cardNumber, string? reason, string actor, CancellationToken ct) =>
        ChangeAsync(cardNumber, actor, "UNBLOCK_CARD", (card, at) => card.Unblock(actor, at, reason), ct);

    public Task<AidCard> ReportLostAsync(string cardNumber, string? reason, string actor, CancellationToken ct) =>
        ChangeAsync(cardNumber, actor, "REPORT_CARD_LOST", (card, at) => card.ReportLost(actor, at, reason), ct);

    /// <summary>A new card for the household; the old one is dead in the same transaction.</summary>
    public Task<AidCard> ReplaceAsync(string cardNumber, string? reason, string actor, CancellationToken ct) =>
        sessions.WriteAsync(async session =>
        {
            var (old, siblings) = await LoadCardAsync(session, cardNumber, ct);
            var household = await households.LoadAsync(session, old.HouseholdId, ct)
                ?? throw new NotFoundException("Keluarga tidak ditemukan (household not found).");
            var before = Snapshot(old);
            var serial = await cards.ReserveSerialsAsync(session, 1, ct);
            var at = clock.GetUtcNow();
            var result = AidCard.Replace(old, Guid.CreateVersion7(), AidCardNumber.FromSequence(serial), household, siblings, actor, at, reason);
            CommandOutcome.ThrowIfFailed(result);
            var card = result.Value!;
            // The old card changes first: the unique "one live card" index must never see two.
            await cards.UpdateAsync(session, old, at, ct);
            await cards.InsertAsync(session, [card], at, ct);
            await StoreAsync(session, card.HouseholdId, result, actor, "REPLACE_CARD", card, before, ct);
            return card;
        }, IsolationLevel.Serializable, ct);

    /// <summary>
    /// Issues a card to every ACTIVE household that has no live card, in batches (used by the pilot
    /// seed and after a large import). Returns how many were issued.
    /// </summary>
    public async Task<int> IssueMissingAsync(string actor, CancellationToken ct)
    {
        var issued = 0;
        while (true)
        {
            var count = await sessions.WriteAsync(async session =>
            {
                var ids = await cards.HouseholdsWithoutLiveCardAsync(session, IssueBatch, ct);
                if (ids.Count == 0)
                {
                    return 0;
                }

                var first = await cards.ReserveSerialsAsync(session, ids.Count, ct);
                var at = clock.GetUtcNow();
                var newCards = new List<AidCard>(ids.Count);
                var history = new List<(Guid, HistoryEntry)>(ids.Count);
                var events = new List<object>(ids.Count);
                for (var i = 0; i < ids.Count; i++)
                {
                    var household = await households.LoadAsync(session, ids[i], ct);
                    var result = AidCard.Issue(Guid.CreateVersion7(), AidCardNumber.FromSequence(first + i), household!, [], actor, at);
                    CommandOutcome.ThrowIfFailed(result);
                    newCards.Add(result.Value!);
                    history.AddRange(result.History.Select(h => (ids[i], h)));
                    events.AddRange(result.Events);
                }

                await cards.InsertAsync(session, newCards, at, ct);
                await households.AppendHistoryAsync(session, history, ct);
                EnqueueAll(session, events);
                await audit.AppendAsync(session.Connection, session.Transaction, new AuditEntry(
                    actor, "ISSUE_CARDS", "aid_card", $"{newCards[0].Number.Value}..{newCards[^1].Number.Value}", null,
                    JsonSerializer.Serialize(new { count = newCards.Count })), ct);
                return newCards.Count;
            }, ct: ct);
            if (count == 0)
            {
                return issued;
            }

            issued += count;
        }
    }

    private Task<AidCard> ChangeAsync(
        string cardNumber, string actor, string action, Func<AidCard, DateTimeOffset, CommandResult> change, CancellationToken ct) =>
        sessions.WriteAsync(async session =>
        {
            var (card, _) = await LoadCardAsync(session, cardNumber, ct);
            var before = Snapshot(card);
            var at = clock.GetUtcNow();
            var result = change(card, at);
            CommandOutcome.ThrowIfFailed(result);
            if (result.Changed)
            {
                await cards.UpdateAsync(session, card, at, ct);
                await StoreAsync(session, card.HouseholdId, result, actor, action, card, before, ct);
            }

            return card;
        }, IsolationLevel.Serializable, ct);

    private async Task<(AidCard Card, IReadOnlyList<AidCard> Siblings)> LoadCardAsync(
        DbSession session, string cardNumber, CancellationToken ct)
    {
        var parsed = AidCardNumber.Parse(cardNumber);
        if (!parsed.IsValid)
        {
            throw new ValidationException([.. parsed.Errors.Select(e => new FieldViolation(e.Field, e.Message))]);
        }

        var row = await cards.FindByNumberAsync(session, parsed.Value.Value, ct)
            ?? throw new NotFoundException("Kartu tidak ditemukan (card not found).");
        var siblings = await cards.ForHouseholdAsync(session, row.HouseholdId, ct);
        return (siblings.Single(c => c.Id == row.Id), siblings);
    }

    private async Task StoreAsync(
        DbSession session, Guid householdId, CommandResult result, string actor, string action,
        AidCard card, string? before, CancellationToken ct)
    {
        await households.AppendHistoryAsync(session, result.History.Select(h => (householdId, h)), ct);
        EnqueueAll(session, result.Events);
        await audit.AppendAsync(session.Connection, session.Transaction, new AuditEntry(
            actor, action, "aid_card", card.Number.Value, before, Snapshot(card)), ct);
    }

    private static void EnqueueAll(DbSession session, IEnumerable<object> events)
    {
        foreach (var @event in events)
        {
            session.Outbox.Enqueue(@event);
        }
    }

    private static string Snapshot(AidCard card) => JsonSerializer.Serialize(new
    {
        number = card.Number.Value,
        status = card.Status.ToCode(),
        reason = card.StatusReason,
        replacedBy = card.ReplacedByCardId,
        version = card.Version,
    });
}
