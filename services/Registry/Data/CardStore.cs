using Bansos.ServiceDefaults.Codes;
using Bansos.Contracts;
using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Cards;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Registry.Data;

/// <summary>Aid cards in the caller's session.</summary>
public sealed class CardStore
{
    private static readonly BulkInsert CardInsert = new(
        "aid_cards", "id", "card_number", "household_id", "status", "status_reason", "replaced_by", "version", "issued_at", "updated_at");

    private const string Columns =
        "id AS Id, card_number AS CardNumber, household_id AS HouseholdId, status AS Status, status_reason AS StatusReason, " +
        "replaced_by AS ReplacedBy, version AS Version, issued_at AS IssuedAt";

    public async Task<IReadOnlyList<AidCard>> ForHouseholdAsync(
        DbSession session, Guid householdId, CancellationToken ct)
    {
        var rows = await session.Connection.QueryAsync<CardRow>(new CommandDefinition(
            $"SELECT {Columns} FROM aid_cards WHERE household_id = @householdId ORDER BY issued_at",
            new { householdId }, session.Transaction, cancellationToken: ct));
        var list = rows.ToList();
        return [.. list.Select(row => ToCard(row, list))];
    }

    public async Task<CardRow?> FindByNumberAsync(
        DbSession session, string cardNumber, CancellationToken ct) =>
        await session.Connection.QuerySingleOrDefaultAsync<CardRow>(new CommandDefinition(
            $"SELECT {Columns} FROM aid_cards WHERE card_number = @cardNumber",
            new { cardNumber }, session.Transaction, cancellationToken: ct));

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive card-number sequence values and returns the first.
    /// The counter row is updated in the caller's transaction, so concurrent issuers serialise on it.
    /// </summary>
    public async Task<long> ReserveSerialsAsync(DbSession session, int count, CancellationToken ct) =>
        await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "UPDATE card_number_counter SET next_serial = next_serial + @count WHERE id = 1 RETURNING next_serial - @count",
            new { count }, session.Transaction, cancellationToken: ct));

    public Task InsertAsync(
        DbSession session, IReadOnlyList<AidCard> cards, DateTimeOffset at, CancellationToken ct) =>
        CardInsert.ExecuteAsync(
            session,
            [.. cards.Select(c => new object?[]
            {
                c.Id, c.Number.Value, c.HouseholdId, c.Status.ToCode(), c.StatusReason, c.ReplacedByCardId, c.Version, c.IssuedAt, at,
            })],
            ct);

    public Task UpdateAsync(DbSession session, AidCard card, DateTimeOffset at, CancellationToken ct) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE aid_cards SET status = @status, status_reason = @reason, replaced_by = @replacedBy, version = @version, updated_at = @at
            WHERE id = @id
            """,
            new
            {
                id = card.Id,
                status = card.Status.ToCode(),
                reason = card.StatusReason,
                replacedBy = card.ReplacedByCardId,
                version = card.Version,
                at,
            },
            session.Transaction, cancellationToken: ct));

    /// <summary>Up to <paramref name="limit"/> ACTIVE households without a live (ACTIVE or BLOCKED) card, in id order.</summary>
    public async Task<IReadOnlyList<Guid>> HouseholdsWithoutLiveCardAsync(DbSession session, int limit, CancellationToken ct) =>
        [.. await session.Connection.QueryAsync<Guid>(new CommandDefinition(
            """
            SELECT h.id FROM households h
            WHERE h.status = 'ACTIVE'
              AND NOT EXISTS (SELECT 1 FROM aid_cards c WHERE c.household_id = h.id AND c.status IN ('ACTIVE', 'BLOCKED'))
            ORDER BY h.id
            LIMIT @limit
            """,
            new { limit }, session.Transaction, cancellationToken: ct))];

    private static AidCard ToCard(CardRow row, IReadOnlyList<CardRow> siblings) => AidCard.Restore(
        row.Id,
        AidCardNumber.FromStored(row.CardNumber),
        row.HouseholdId,
        CardStatusRules.Parse(row.Status).Value,
        row.StatusReason,
        row.Version,
        row.IssuedAt,
        siblings.FirstOrDefault(s => s.ReplacedBy == row.Id)?.Id,
        row.ReplacedBy);
}
