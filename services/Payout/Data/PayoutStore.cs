using System.Data.Common;
using System.Globalization;
using Bansos.Payout.Domain;
using Dapper;

namespace Bansos.Payout.Data;

/// <summary>
/// The payout path's SQL: one read, one conditional debit, one insert (the outbox adds the
/// second), plus reversals and the terminal's day.
/// </summary>
public sealed class PayoutStore
{
    private const string SelectPayout =
        """
        SELECT id AS Id, terminal_id AS TerminalId, idempotency_key AS IdempotencyKey, request_hash AS RequestHash,
               card_number AS CardNumber, household_id AS HouseholdId, period_id AS PeriodId, entitlement_id AS EntitlementId,
               village_code AS VillageCode, amount AS Amount, decline_reason AS DeclineReason, approval_code AS ApprovalCode,
               balance_after AS BalanceAfter, created_at AS CreatedAt, business_date AS BusinessDate,
               reversed_at AS ReversedAt, reversal_reason AS ReversalReason
        FROM payouts
        """;

    /// <summary>BeginPayout's read in one round trip; empty when the terminal is not enrolled.</summary>
    public async Task<IReadOnlyList<CardView>> ReadCardViewAsync(DbConnection connection, long terminalId, string cardNumber, CancellationToken ct) =>
        [.. await connection.QueryAsync<CardView>(new CommandDefinition(
            """
            SELECT t.status AS TerminalStatus, c.id AS CardId, c.household_id AS HouseholdId, c.status AS CardStatus,
                   c.replaced_by_card_id AS ReplacedBy, h.status AS HouseholdStatus, h.village_code AS HouseholdVillage,
                   oe.id AS EntitlementId, oe.period_id AS PeriodId, oe.code AS PeriodCode, oe.programme AS Programme,
                   oe.amount AS Amount, oe.balance AS Balance, oe.start_date AS StartDate, oe.end_date AS EndDate
            FROM terminals t
            LEFT JOIN cards c ON c.card_number = @cardNumber
            LEFT JOIN households h ON h.id = c.household_id
            LEFT JOIN (
                SELECT e.id, e.household_id, e.period_id, e.amount, e.balance, p.code, p.programme, p.start_date, p.end_date
                FROM entitlements e
                JOIN aid_periods p ON p.id = e.period_id
                WHERE p.status = 'OPEN'
            ) oe ON oe.household_id = c.household_id
            WHERE t.id = @terminalId
            ORDER BY oe.start_date, oe.period_id
            """,
            new { terminalId, cardNumber }, cancellationToken: ct))];

    /// <summary>Null when the terminal is not enrolled.</summary>
    public Task<AuthorisationSnapshot?> ReadSnapshotAsync(DbConnection connection, DbTransaction transaction, long terminalId,
        string idempotencyKey, byte[] challenge, string cardNumber, long periodId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<AuthorisationSnapshot>(new CommandDefinition(
            """
            SELECT t.status AS TerminalStatus, dp.village_code AS TerminalVillage,
                   (SELECT x.id FROM payouts x WHERE x.terminal_id = @terminalId AND x.idempotency_key = @idempotencyKey) AS ExistingPayoutId,
                   (SELECT COUNT(*) FROM payouts y WHERE y.challenge = @challenge) AS ChallengeUses,
                   c.id AS CardId, c.status AS CardStatus, c.household_id AS CardHouseholdId, c.replaced_by_card_id AS ReplacedBy,
                   (SELECT MAX(z.verified_atc) FROM payouts z WHERE z.card_number = @cardNumber) AS HighestAtc,
                   h.status AS HouseholdStatus, h.village_code AS HouseholdVillage,
                   e.id AS EntitlementId, e.amount AS EntitlementAmount, e.balance AS Balance,
                   p.code AS PeriodCode, p.programme AS Programme, p.status AS PeriodStatus, p.start_date AS StartDate, p.end_date AS EndDate
            FROM terminals t
            JOIN distribution_points dp ON dp.id = t.point_id
            LEFT JOIN cards c ON c.card_number = @cardNumber
            LEFT JOIN households h ON h.id = c.household_id
            LEFT JOIN entitlements e ON e.household_id = c.household_id AND e.period_id = @periodId
            LEFT JOIN aid_periods p ON p.id = e.period_id
            WHERE t.id = @terminalId
            """,
            new { terminalId, idempotencyKey, challenge, cardNumber, periodId }, transaction, cancellationToken: ct));

    /// <summary>
    /// The conditional debit: succeeds only while the balance covers the amount, so concurrent
    /// payouts can never overdraw (the row lock orders them; the loser sees the new balance).
    /// Returns the balance after, or null when it does not cover the amount.
    /// </summary>
    public Task<long?> DebitAsync(DbConnection connection, DbTransaction transaction, long entitlementId, long amount, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "UPDATE entitlements SET balance = balance - @amount WHERE id = @entitlementId AND balance >= @amount RETURNING balance",
            new { entitlementId, amount }, transaction, cancellationToken: ct));

    public Task<long> CreditAsync(DbConnection connection, DbTransaction transaction, long entitlementId, long amount, CancellationToken ct) =>
        connection.QuerySingleAsync<long>(new CommandDefinition(
            "UPDATE entitlements SET balance = balance + @amount WHERE id = @entitlementId RETURNING balance",
            new { entitlementId, amount }, transaction, cancellationToken: ct));

    /// <param name="verifiedAtc">Set only when the cryptogram verified with a fresh ATC: the (card, ATC) pair is then taken.</param>
    /// <param name="challenge">Set only when the attempt consumed the challenge.</param>
    public Task InsertAsync(DbConnection connection, DbTransaction transaction, PayoutRecord payout, int atc, int? verifiedAtc,
        byte[]? challenge, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO payouts (id, terminal_id, idempotency_key, request_hash, card_number, household_id, period_id, entitlement_id,
                                 village_code, amount, atc, verified_atc, challenge, result, decline_reason, approval_code, balance_after,
                                 created_at, business_date)
            VALUES (@PayoutId, @TerminalId, @IdempotencyKey, @RequestHash, @CardNumber, @HouseholdId, @PeriodId, @EntitlementId,
                    @VillageCode, @Amount, @atc, @verifiedAtc, @challenge, @result, @reason, @ApprovalCode, @BalanceAfter,
                    @At, @businessDate)
            """,
            new
            {
                payout.PayoutId,
                payout.TerminalId,
                payout.IdempotencyKey,
                payout.RequestHash,
                payout.CardNumber,
                payout.HouseholdId,
                payout.PeriodId,
                payout.EntitlementId,
                payout.VillageCode,
                payout.Amount,
                atc,
                verifiedAtc,
                challenge,
                result = payout.Approved ? "APPROVED" : "DECLINED",
                reason = payout.DeclineReason is { } r ? DeclineReasons.Code(r) : null,
                payout.ApprovalCode,
                payout.BalanceAfter,
                payout.At,
                businessDate = BusinessCalendar.Format(payout.BusinessDate),
            },
            transaction, cancellationToken: ct));

    public async Task<PayoutRecord?> GetAsync(DbConnection connection, DbTransaction? transaction, Guid payoutId, CancellationToken ct) =>
        (await connection.QuerySingleOrDefaultAsync<PayoutRow>(new CommandDefinition(
            SelectPayout + " WHERE id = @payoutId", new { payoutId }, transaction, cancellationToken: ct)))?.ToDomain();

    /// <summary>Marks an approved payout reversed, once: false when it already was.</summary>
    public async Task<bool> MarkReversedAsync(DbConnection connection, DbTransaction transaction, Guid payoutId, string reason, string actor,
        DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE payouts SET reversed_at = @now, reversal_reason = @reason, reversed_by = @actor
            WHERE id = @payoutId AND result = 'APPROVED' AND reversed_at IS NULL
            """,
            new { payoutId, reason, actor, now }, transaction, cancellationToken: ct)) == 1;

    public async Task<IReadOnlyList<PayoutRecord>> ListDayAsync(DbConnection connection, long terminalId, DateOnly businessDate, CancellationToken ct) =>
        [.. (await connection.QueryAsync<PayoutRow>(new CommandDefinition(
                SelectPayout + " WHERE terminal_id = @terminalId AND business_date = @date ORDER BY created_at DESC, id DESC",
                new { terminalId, date = BusinessCalendar.Format(businessDate) }, cancellationToken: ct)))
            .Select(row => row.ToDomain())];

    private sealed class PayoutRow
    {
        public Guid Id { get; init; }

        public long TerminalId { get; init; }

        public string IdempotencyKey { get; init; } = "";

        public byte[] RequestHash { get; init; } = [];

        public string? CardNumber { get; init; }

        public Guid? HouseholdId { get; init; }

        public long PeriodId { get; init; }

        public long? EntitlementId { get; init; }

        public string? VillageCode { get; init; }

        public long Amount { get; init; }

        public string? DeclineReason { get; init; }

        public string? ApprovalCode { get; init; }

        public long? BalanceAfter { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public string BusinessDate { get; init; } = "";

        public DateTimeOffset? ReversedAt { get; init; }

        public string? ReversalReason { get; init; }

        public PayoutRecord ToDomain() => new()
        {
            PayoutId = Id,
            TerminalId = TerminalId,
            IdempotencyKey = IdempotencyKey,
            RequestHash = RequestHash,
            CardNumber = CardNumber,
            HouseholdId = HouseholdId,
            PeriodId = PeriodId,
            EntitlementId = EntitlementId,
            VillageCode = VillageCode,
            Amount = Amount,
            DeclineReason = DeclineReason is null ? null : DeclineReasons.Parse(DeclineReason),
            ApprovalCode = ApprovalCode,
            BalanceAfter = BalanceAfter,
            At = CreatedAt,
            BusinessDate = DateOnly.ParseExact(BusinessDate, BusinessCalendar.DateFormat, CultureInfo.InvariantCulture),
            ReversedAt = ReversedAt,
            ReversalReason = ReversalReason,
        };
    }
}
