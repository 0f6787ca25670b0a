using System.Data.Common;
using System.Globalization;
using Bansos.Payout.Domain;
using Dapper;

namespace Bansos.Payout.Data;

/// <summary>
/// The payout path's SQL: one read, one conditional debit, one insert (the outbox adds the
/// second), plus reversals and the terminal's day. The four statements of the hot path are
/// <see cref="HotStatement"/>s read by hand; the rest goes through Dapper.
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

    private static readonly HotStatement CardViewStatement = new(
        """
        SELECT t.status, c.id, c.household_id, c.status, c.replaced_by_card_id, h.status, h.village_code,
               e.id, e.period_id, p.code, p.programme, e.amount, e.balance, p.start_date, p.end_date
        FROM terminals t
        LEFT JOIN cards c ON c.card_number = @cardNumber
        LEFT JOIN households h ON h.id = c.household_id
        LEFT JOIN entitlements e ON e.household_id = c.household_id
        LEFT JOIN aid_periods p ON p.id = e.period_id AND p.status = 'OPEN'
        WHERE t.id = @terminalId
        ORDER BY p.start_date, p.id
        """,
        "@terminalId", "@cardNumber");

    private static readonly HotStatement SnapshotStatement = new(
        """
        SELECT t.status, dp.village_code,
               (SELECT x.id FROM payouts x WHERE x.terminal_id = @terminalId AND x.idempotency_key = @idempotencyKey),
               (SELECT COUNT(*) FROM payouts y WHERE y.challenge = @challenge),
               c.id, c.status, c.household_id, c.replaced_by_card_id,
               (SELECT MAX(z.verified_atc) FROM payouts z WHERE z.card_number = @cardNumber),
               h.status, h.village_code,
               e.id, e.amount, e.balance,
               p.code, p.programme, p.status, p.start_date, p.end_date
        FROM terminals t
        JOIN distribution_points dp ON dp.id = t.point_id
        LEFT JOIN cards c ON c.card_number = @cardNumber
        LEFT JOIN households h ON h.id = c.household_id
        LEFT JOIN entitlements e ON e.household_id = c.household_id AND e.period_id = @periodId
        LEFT JOIN aid_periods p ON p.id = e.period_id
        WHERE t.id = @terminalId
        """,
        "@terminalId", "@idempotencyKey", "@challenge", "@cardNumber", "@periodId");

    private static readonly HotStatement DebitStatement = new(
        "UPDATE entitlements SET balance = balance - @amount WHERE id = @entitlementId AND balance >= @amount RETURNING balance",
        "@entitlementId", "@amount");

    private static readonly HotStatement InsertStatement = new(
        """
        INSERT INTO payouts (id, terminal_id, idempotency_key, request_hash, card_number, household_id, period_id, entitlement_id,
                             village_code, amount, atc, verified_atc, challenge, result, decline_reason, approval_code, balance_after,
                             created_at, business_date)
        VALUES (@id, @terminalId, @idempotencyKey, @requestHash, @cardNumber, @householdId, @periodId, @entitlementId,
                @villageCode, @amount, @atc, @verifiedAtc, @challenge, @result, @reason, @approvalCode, @balanceAfter,
                @createdAt, @businessDate)
        """,
        "@id", "@terminalId", "@idempotencyKey", "@requestHash", "@cardNumber", "@householdId", "@periodId", "@entitlementId",
        "@villageCode", "@amount", "@atc", "@verifiedAtc", "@challenge", "@result", "@reason", "@approvalCode", "@balanceAfter",
        "@createdAt", "@businessDate");

    /// <summary>
    /// BeginPayout's read in one round trip; empty when the terminal is not enrolled. Entitlements
    /// of periods that are not OPEN come back with the period columns null (plain LEFT JOINs: a
    /// subquery there would be materialised over every open entitlement by SQLite).
    /// </summary>
    public async Task<IReadOnlyList<CardView>> ReadCardViewAsync(DbConnection connection, long terminalId, string cardNumber, CancellationToken ct)
    {
        var command = CardViewStatement.For(connection, null);
        DbValues.Set(command, 0, terminalId);
        DbValues.Set(command, 1, cardNumber);
        var rows = new List<CardView>(2);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(ReadCardView(reader, 0));
        }

        return rows;
    }

    /// <summary>The card view columns starting at <paramref name="first"/> (the batched read puts the request's ordinal before them).</summary>
    public static CardView ReadCardView(DbDataReader reader, int first) => new()
    {
        TerminalStatus = reader.GetString(first),
        CardId = DbValues.ReadGuid(reader, first + 1),
        HouseholdId = DbValues.ReadGuid(reader, first + 2),
        CardStatus = DbValues.ReadText(reader, first + 3),
        ReplacedBy = DbValues.ReadGuid(reader, first + 4),
        HouseholdStatus = DbValues.ReadText(reader, first + 5),
        HouseholdVillage = DbValues.ReadText(reader, first + 6),
        EntitlementId = DbValues.ReadLong(reader, first + 7),
        PeriodId = DbValues.ReadLong(reader, first + 8),
        PeriodCode = DbValues.ReadText(reader, first + 9),
        Programme = DbValues.ReadText(reader, first + 10),
        Amount = DbValues.ReadLong(reader, first + 11),
        Balance = DbValues.ReadLong(reader, first + 12),
        StartDate = DbValues.ReadText(reader, first + 13),
        EndDate = DbValues.ReadText(reader, first + 14),
    };

    /// <summary>Null when the terminal is not enrolled.</summary>
    public async Task<AuthorisationSnapshot?> ReadSnapshotAsync(DbConnection connection, DbTransaction transaction, long terminalId,
        string idempotencyKey, byte[] challenge, string cardNumber, long periodId, CancellationToken ct)
    {
        var command = SnapshotStatement.For(connection, transaction);
        DbValues.Set(command, 0, terminalId);
        DbValues.Set(command, 1, idempotencyKey);
        DbValues.Set(command, 2, challenge);
        DbValues.Set(command, 3, cardNumber);
        DbValues.Set(command, 4, periodId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadSnapshot(reader, 0) : null;
    }

    /// <summary>The snapshot columns starting at <paramref name="first"/>; null when the terminal column is (not enrolled).</summary>
    public static AuthorisationSnapshot? ReadSnapshot(DbDataReader reader, int first)
    {
        if (reader.IsDBNull(first))
        {
            return null;
        }

        return new AuthorisationSnapshot
        {
            TerminalStatus = reader.GetString(first),
            TerminalVillage = reader.GetString(first + 1),
            ExistingPayoutId = DbValues.ReadGuid(reader, first + 2),
            ChallengeUses = DbValues.ReadLong(reader, first + 3) ?? 0,
            CardId = DbValues.ReadGuid(reader, first + 4),
            CardStatus = DbValues.ReadText(reader, first + 5),
            CardHouseholdId = DbValues.ReadGuid(reader, first + 6),
            ReplacedBy = DbValues.ReadGuid(reader, first + 7),
            HighestAtc = DbValues.ReadLong(reader, first + 8),
            HouseholdStatus = DbValues.ReadText(reader, first + 9),
            HouseholdVillage = DbValues.ReadText(reader, first + 10),
            EntitlementId = DbValues.ReadLong(reader, first + 11),
            EntitlementAmount = DbValues.ReadLong(reader, first + 12),
            Balance = DbValues.ReadLong(reader, first + 13),
            PeriodCode = DbValues.ReadText(reader, first + 14),
            Programme = DbValues.ReadText(reader, first + 15),
            PeriodStatus = DbValues.ReadText(reader, first + 16),
            StartDate = DbValues.ReadText(reader, first + 17),
            EndDate = DbValues.ReadText(reader, first + 18),
        };
    }

    /// <summary>
    /// The conditional debit: succeeds only while the balance covers the amount, so concurrent
    /// payouts can never overdraw (the row lock orders them; the loser sees the new balance).
    /// Returns the balance after, or null when it does not cover the amount.
    /// </summary>
    public async Task<long?> DebitAsync(DbConnection connection, DbTransaction transaction, long entitlementId, long amount, CancellationToken ct)
    {
        var command = DebitStatement.For(connection, transaction);
        DbValues.Set(command, 0, entitlementId);
        DbValues.Set(command, 1, amount);
        var balance = await command.ExecuteScalarAsync(ct);
        return balance is null or DBNull ? null : Convert.ToInt64(balance, CultureInfo.InvariantCulture);
    }

    public Task<long> CreditAsync(DbConnection connection, DbTransaction transaction, long entitlementId, long amount, CancellationToken ct) =>
        connection.QuerySingleAsync<long>(new CommandDefinition(
            "UPDATE entitlements SET balance = balance + @amount WHERE id = @entitlementId RETURNING balance",
            new { entitlementId, amount }, transaction, cancellationToken: ct));

    /// <param name="verifiedAtc">Set only when the cryptogram verified with a fresh ATC: the (card, ATC) pair is then taken.</param>
    /// <param name="challenge">Set only when the attempt consumed the challenge.</param>
    public async Task InsertAsync(DbConnection connection, DbTransaction transaction, PayoutRecord payout, int atc, int? verifiedAtc,
        byte[]? challenge, CancellationToken ct)
    {
        var command = InsertStatement.For(connection, transaction);
        object?[] values =
        [
            DbValues.Guid(connection, payout.PayoutId),
            payout.TerminalId,
            payout.IdempotencyKey,
            payout.RequestHash,
            payout.CardNumber,
            DbValues.Guid(connection, payout.HouseholdId),
            payout.PeriodId,
            payout.EntitlementId,
            payout.VillageCode,
            payout.Amount,
            atc,
            verifiedAtc,
            challenge,
            payout.Approved ? "APPROVED" : "DECLINED",
            payout.DeclineReason is { } reason ? DeclineReasons.Code(reason) : null,
            payout.ApprovalCode,
            payout.BalanceAfter,
            DbValues.Time(connection, payout.At),
            BusinessCalendar.Format(payout.BusinessDate),
        ];
        for (var i = 0; i < values.Length; i++)
        {
            DbValues.Set(command, i, values[i]);
        }

        await command.ExecuteNonQueryAsync(ct);
    }

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
