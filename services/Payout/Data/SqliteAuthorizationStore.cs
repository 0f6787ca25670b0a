using System.Data.Common;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Storage;
using Microsoft.Data.Sqlite;

namespace Bansos.Payout.Data;

/// <summary>
/// The payout path's SQL on SQLite: BeginPayout's read, an authorization's read, the conditional
/// debit and the insert, one row at a time — an in-process call costs no round trip, and SQLite's
/// one writer makes a batch's reads exact. The statements are <see cref="HotStatement"/>s compiled
/// once per connection (the batching loop and the read pool keep theirs open). The text is plain SQL
/// PostgreSQL accepts as well (a test compares it with PostgreSQL's set-based reads).
/// </summary>
public sealed class SqliteAuthorizationStore : IAuthorizationStore
{
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

    /// <summary>From the balance read only: anything else becomes -1, which the table's CHECK (balance >= 0) refuses.</summary>
    private static readonly HotStatement DebitStatement = new(
        "UPDATE entitlements SET balance = CASE WHEN balance = @before THEN @after ELSE -1 END WHERE id = @entitlementId",
        "@entitlementId", "@before", "@after");

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

    public int Loops => 1;

    public bool OwnThread => true;

    /// <summary>
    /// BeginPayout's read in one statement; empty when the terminal is not enrolled. Entitlements
    /// of periods that are not OPEN come back with the period columns null (plain LEFT JOINs: a
    /// subquery there would be materialised over every open entitlement by SQLite).
    /// </summary>
    public static async Task<IReadOnlyList<CardView>> ReadCardViewAsync(DbConnection connection, long terminalId, string cardNumber, CancellationToken ct)
    {
        var command = CardViewStatement.For(connection);
        DbValues.Set(command, 0, terminalId);
        DbValues.Set(command, 1, cardNumber);
        var rows = new List<CardView>(2);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(DbValues.ReadCardView(reader, 0));
        }

        return rows;
    }

    public async Task<IReadOnlyList<AuthorizationSnapshot?>> ReadAsync(DbSession session, IReadOnlyList<AuthorizationLookup> lookups, CancellationToken ct)
    {
        var command = SnapshotStatement.For(session);
        var snapshots = new AuthorizationSnapshot?[lookups.Count];
        for (var i = 0; i < lookups.Count; i++)
        {
            var lookup = lookups[i];
            DbValues.Set(command, 0, lookup.TerminalId);
            DbValues.Set(command, 1, lookup.IdempotencyKey);
            DbValues.Set(command, 2, lookup.Challenge);
            DbValues.Set(command, 3, lookup.CardNumber);
            DbValues.Set(command, 4, lookup.PeriodId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            snapshots[i] = await reader.ReadAsync(ct) ? DbValues.ReadSnapshot(reader, 0, lookup.PeriodId) : null;
        }

        return snapshots;
    }

    public async Task WriteAsync(DbSession session, IReadOnlyList<EntitlementDebit> debits, IReadOnlyList<NewPayout> payouts, CancellationToken ct)
    {
        var connection = session.Connection;
        try
        {
            var debit = DebitStatement.For(session);
            foreach (var d in debits)
            {
                DbValues.Set(debit, 0, d.EntitlementId);
                DbValues.Set(debit, 1, d.BalanceBefore);
                DbValues.Set(debit, 2, d.BalanceAfter);
                await debit.ExecuteNonQueryAsync(ct);
            }

            var insert = InsertStatement.For(session);
            foreach (var payout in payouts)
            {
                var record = payout.Record;
                object?[] values =
                [
                    DbValues.Guid(connection, record.PayoutId), record.TerminalId, record.IdempotencyKey, record.RequestHash, record.CardNumber,
                    DbValues.Guid(connection, record.HouseholdId), record.PeriodId, record.EntitlementId, record.VillageCode, record.Amount,
                    payout.Atc, payout.VerifiedAtc, payout.Challenge, record.Approved ? "APPROVED" : "DECLINED",
                    record.DeclineReason is { } reason ? DeclineReasons.Code(reason) : null, record.ApprovalCode, record.BalanceAfter,
                    DbValues.Time(connection, record.At), BusinessCalendar.Format(record.BusinessDate),
                ];
                for (var i = 0; i < values.Length; i++)
                {
                    DbValues.Set(insert, i, values[i]);
                }

                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            // SQLite's one writer makes this rare (a row written by a unit of work outside the batch's lock cannot be):
            // a CHECK or UNIQUE refusal all the same means "decide again on fresh reads".
            throw new ConcurrencyConflictException("payout", "batch");
        }
    }
}
