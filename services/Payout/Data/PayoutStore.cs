using System.Data.Common;
using System.Globalization;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Payout.Data;

/// <summary>
/// Payouts off the hot path (Dapper): a stored payout (an idempotent retry's original answer),
/// reversals and the terminal's day. The hot path's SQL is the database's
/// <see cref="IAuthorizationStore"/>.
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

    public Task<long> CreditAsync(DbSession session, long entitlementId, long amount, CancellationToken ct) =>
        session.Connection.QuerySingleAsync<long>(new CommandDefinition(
            "UPDATE entitlements SET balance = balance + @amount WHERE id = @entitlementId RETURNING balance",
            new { entitlementId, amount }, session.Transaction, cancellationToken: ct));

    public async Task<PayoutRecord?> GetAsync(DbSession session, Guid payoutId, CancellationToken ct) =>
        (await session.Connection.QuerySingleOrDefaultAsync<PayoutRow>(new CommandDefinition(
            SelectPayout + " WHERE id = @payoutId", new { payoutId }, session.Transaction, cancellationToken: ct)))?.ToDomain();

    /// <summary>Marks an approved payout reversed, once: false when it already was.</summary>
    public async Task<bool> MarkReversedAsync(DbSession session, Guid payoutId, string reason, string actor, DateTimeOffset now,
        CancellationToken ct) =>
        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE payouts SET reversed_at = @now, reversal_reason = @reason, reversed_by = @actor
            WHERE id = @payoutId AND result = 'APPROVED' AND reversed_at IS NULL
            """,
            new { payoutId, reason, actor, now }, session.Transaction, cancellationToken: ct)) == 1;

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
