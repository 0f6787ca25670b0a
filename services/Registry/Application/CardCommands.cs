using System.Data;
using System.Data.Common;
using System.Text.Json;
using Bansos.Registry.Data;
using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Cards;
using Bansos.Registry.Domain.Households;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Registry.Application;

/// <summary>
/// Aid-card lifecycle commands: each one transaction with its history, events and audit entry.
/// Serializable, so that two commands on the same card or household cannot both act on what they read
/// (on PostgreSQL the loser gets 40001 and runs again; SQLite serialises writers anyway).
/// </summary>
public sealed class CardCommands(
    IDatabase database, HouseholdStore households, CardStore cards, IOutbox outbox, IAuditTrail audit, TimeProvider clock)
{
    public Task<AidCard> IssueAsync(Guid householdId, string actor, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var household = await households.LoadAsync(connection, transaction, householdId, ct)
                ?? throw new NotFoundException("Keluarga tidak ditemukan (household not found).");
            var existing = await cards.ForHouseholdAsync(connection, transaction, householdId, ct);
            var serial = await cards.ReserveSerialsAsync(connection, transaction, 1, ct);
            var at = clock.GetUtcNow();
            var result = AidCard.Issue(Guid.CreateVersion7(), AidCardNumber.FromSequence(serial), household, [.. existing], actor, at);
            CommandOutcome.ThrowIfFailed(result);
            var card = result.Value!;
            await cards.InsertAsync(connection, transaction, [card], at, ct);
            await StoreAsync(connection, transaction, card.HouseholdId, result, actor, "ISSUE_CARD", card, null, ct);
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
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var (old, siblings) = await LoadCardAsync(connection, transaction, cardNumber, ct);
            var household = await households.LoadAsync(connection, transaction, old.HouseholdId, ct)
                ?? throw new NotFoundException("Keluarga tidak ditemukan (household not found).");
            var before = Snapshot(old);
            var serial = await cards.ReserveSerialsAsync(connection, transaction, 1, ct);
            var at = clock.GetUtcNow();
            var result = AidCard.Replace(old, Guid.CreateVersion7(), AidCardNumber.FromSequence(serial), household, siblings, actor, at, reason);
            CommandOutcome.ThrowIfFailed(result);
            var card = result.Value!;
            // The old card changes first: the unique "one live card" index must never see two.
            await cards.UpdateAsync(connection, transaction, old, at, ct);
            await cards.InsertAsync(connection, transaction, [card], at, ct);
            await StoreAsync(connection, transaction, card.HouseholdId, result, actor, "REPLACE_CARD", card, before, ct);
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
            var count = await database.InTransactionAsync(async (connection, transaction) =>
            {
                var ids = (await connection.QueryAsync<Guid>(new CommandDefinition(
                    """
                    SELECT h.id FROM households h
                    WHERE h.status = 'ACTIVE'
                      AND NOT EXISTS (SELECT 1 FROM aid_cards c WHERE c.household_id = h.id AND c.status IN ('ACTIVE', 'BLOCKED'))
                    ORDER BY h.id
                    LIMIT 500
                    """,
                    transaction: transaction, cancellationToken: ct))).ToList();
                if (ids.Count == 0)
                {
                    return 0;
                }

                var first = await cards.ReserveSerialsAsync(connection, transaction, ids.Count, ct);
                var at = clock.GetUtcNow();
                var newCards = new List<AidCard>(ids.Count);
                var history = new List<(Guid, HistoryEntry)>(ids.Count);
                var events = new List<object>(ids.Count);
                for (var i = 0; i < ids.Count; i++)
                {
                    var household = await households.LoadAsync(connection, transaction, ids[i], ct);
                    var result = AidCard.Issue(Guid.CreateVersion7(), AidCardNumber.FromSequence(first + i), household!, [], actor, at);
                    CommandOutcome.ThrowIfFailed(result);
                    newCards.Add(result.Value!);
                    history.AddRange(result.History.Select(h => (ids[i], h)));
                    events.AddRange(result.Events);
                }

                await cards.InsertAsync(connection, transaction, newCards, at, ct);
                await households.AppendHistoryAsync(connection, transaction, history, ct);
                await outbox.EnqueueManyAsync(connection, transaction, events, ct);
                await audit.AppendAsync(connection, transaction, new AuditEntry(
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
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var (card, _) = await LoadCardAsync(connection, transaction, cardNumber, ct);
            var before = Snapshot(card);
            var at = clock.GetUtcNow();
            var result = change(card, at);
            CommandOutcome.ThrowIfFailed(result);
            if (result.Changed)
            {
                await cards.UpdateAsync(connection, transaction, card, at, ct);
                await StoreAsync(connection, transaction, card.HouseholdId, result, actor, action, card, before, ct);
            }

            return card;
        }, IsolationLevel.Serializable, ct);

    private async Task<(AidCard Card, IReadOnlyList<AidCard> Siblings)> LoadCardAsync(
        DbConnection connection, DbTransaction transaction, string cardNumber, CancellationToken ct)
    {
        var parsed = AidCardNumber.Parse(cardNumber);
        if (!parsed.IsValid)
        {
            throw new ValidationException([.. parsed.Errors.Select(e => new FieldViolation(e.Field, e.Message))]);
        }

        var row = await cards.FindByNumberAsync(connection, transaction, parsed.Value.Value, ct)
            ?? throw new NotFoundException("Kartu tidak ditemukan (card not found).");
        var siblings = await cards.ForHouseholdAsync(connection, transaction, row.HouseholdId, ct);
        return (siblings.Single(c => c.Id == row.Id), siblings);
    }

    private async Task StoreAsync(
        DbConnection connection, DbTransaction transaction, Guid householdId, CommandResult result, string actor, string action,
        AidCard card, string? before, CancellationToken ct)
    {
        await households.AppendHistoryAsync(connection, transaction, result.History.Select(h => (householdId, h)), ct);
        await outbox.EnqueueManyAsync(connection, transaction, result.Events, ct);
        await audit.AppendAsync(connection, transaction, new AuditEntry(
            actor, action, "aid_card", card.Number.Value, before, Snapshot(card)), ct);
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
