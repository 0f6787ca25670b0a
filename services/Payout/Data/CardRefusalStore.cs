using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Payout.Data;

/// <summary>The SQL of card-side refusals, in the caller's session: the terminal, the card in the projection, the declined payout.</summary>
public sealed class CardRefusalStore
{
    /// <summary>The terminal's status (ACTIVE, DISABLED), or null when it is not enrolled.</summary>
    public async Task<TerminalStatus?> TerminalStatusAsync(DbSession session, long terminalId, CancellationToken ct) =>
        await session.Connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT status FROM terminals WHERE id = @terminalId", new { terminalId }, session.Transaction, cancellationToken: ct)) is { } status
            ? TerminalStatusCodes.Map.Parse(status)
            : null;

    /// <summary>An earlier payout of this terminal under this key.</summary>
    public Task<EarlierPayout?> FindByKeyAsync(DbSession session, long terminalId, string idempotencyKey, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<EarlierPayout?>(new CommandDefinition(
            """
            SELECT id AS Id, request_hash AS RequestHash, decline_reason AS DeclineReason, created_at AS CreatedAt
            FROM payouts WHERE terminal_id = @terminalId AND idempotency_key = @idempotencyKey
            """,
            new { terminalId, idempotencyKey }, session.Transaction, cancellationToken: ct));

    /// <summary>The card's household and that household's village from the registry projection, when the card is known.</summary>
    public Task<CardOwner?> OwnerOfAsync(DbSession session, string cardNumber, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<CardOwner?>(new CommandDefinition(
            """
            SELECT c.household_id AS HouseholdId, h.village_code AS VillageCode
            FROM cards c LEFT JOIN households h ON h.id = c.household_id
            WHERE c.card_number = @cardNumber
            """,
            new { cardNumber }, session.Transaction, cancellationToken: ct));

    public Task InsertDeclinedAsync(DbSession session, DeclinedRefusal payout, CancellationToken ct) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO payouts (id, terminal_id, idempotency_key, request_hash, card_number, household_id, period_id,
                entitlement_id, village_code, amount, atc, verified_atc, challenge, result, decline_reason, approval_code,
                balance_after, created_at, business_date)
            VALUES (@Id, @TerminalId, @IdempotencyKey, @RequestHash, @CardNumber, @HouseholdId, 0,
                NULL, @VillageCode, 0, 0, NULL, NULL, 'DECLINED', @DeclineReason, NULL,
                NULL, @CreatedAt, @BusinessDate)
            """,
            payout, session.Transaction, cancellationToken: ct));

    // Classes with setters, not positional records: Dapper's constructor mapping skips the type handlers (SQLite's TEXT Guids and times).
    public sealed class EarlierPayout
    {
        public Guid Id { get; init; }

        public byte[] RequestHash { get; init; } = [];

        public string? DeclineReason { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }

    public sealed class CardOwner
    {
        public Guid HouseholdId { get; init; }

        public string? VillageCode { get; init; }
    }

    public sealed record DeclinedRefusal(Guid Id, long TerminalId, string IdempotencyKey, byte[] RequestHash, string? CardNumber,
        Guid? HouseholdId, string? VillageCode, string DeclineReason, DateTimeOffset CreatedAt, string BusinessDate);
}
