using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bansos.Payout.Data;

/// <summary>
/// The payout path's SQL on PostgreSQL, set-based: BeginPayout's read for many callers; for a unit
/// of work of authorizations (one or a batch) one read for all requests, then one round trip of
/// writes — conditional debit of every entitlement, insert of every payout, the events — and the
/// commit. Arrays go in as typed parameters and come apart with <c>unnest</c>, so a batch costs the
/// same round trips whatever its size. On PostgreSQL a round trip, a context switch on both sides,
/// costs more than the work on a small machine (docs/performance.md).
/// </summary>
public sealed class PostgresAuthorizationStore(OutboxSignal? outboxSignal = null) : IAuthorizationStore
{
    /// <summary>Two, so that one batch held up on a busy machine does not hold every request behind it.</summary>
    public int Loops => 2;

    public bool OwnThread => false;

    /// <summary>
    /// BeginPayout's read (<see cref="SqliteAuthorizationStore.ReadCardViewAsync"/>'s rows) for many (terminal, card)
    /// requests at once: the rows of each, in request order; empty for a request whose terminal is
    /// not enrolled (the inner join to terminals drops it).
    /// </summary>
    public static async Task<IReadOnlyList<CardView>[]> ReadCardViewsAsync(NpgsqlConnection connection,
        IReadOnlyList<(long TerminalId, string CardNumber)> requests, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT r.ord,
                   t.status, c.id, c.household_id, c.status, c.replaced_by_card_id, h.status, h.village_code,
                   e.id, e.period_id, p.code, p.programme, e.amount, e.balance, p.start_date, p.end_date
            FROM unnest(@terminal_ids, @cards) WITH ORDINALITY AS r(terminal_id, card_number, ord)
            JOIN terminals t ON t.id = r.terminal_id
            LEFT JOIN cards c ON c.card_number = r.card_number
            LEFT JOIN households h ON h.id = c.household_id
            LEFT JOIN entitlements e ON e.household_id = c.household_id
            LEFT JOIN aid_periods p ON p.id = e.period_id AND p.status = 'OPEN'
            ORDER BY r.ord, p.start_date, p.id
            """,
            connection);
        command.Parameters.Add(Array("terminal_ids", NpgsqlDbType.Bigint, requests.Select(r => r.TerminalId).ToArray()));
        command.Parameters.Add(Array("cards", NpgsqlDbType.Text, requests.Select(r => r.CardNumber).ToArray()));

        var views = new List<CardView>[requests.Count];
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var index = reader.GetInt64(0) - 1;
            (views[index] ??= new List<CardView>(2)).Add(DbValues.ReadCardView(reader, 1));
        }

        return [.. views.Select(v => (IReadOnlyList<CardView>?)v ?? [])];
    }

    public async Task<IReadOnlyList<AuthorizationSnapshot?>> ReadAsync(DbSession session, IReadOnlyList<AuthorizationLookup> lookups, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT r.ord,
                   t.status, dp.village_code,
                   (SELECT x.id FROM payouts x WHERE x.terminal_id = r.terminal_id AND x.idempotency_key = r.idempotency_key),
                   (SELECT COUNT(*) FROM payouts y WHERE y.challenge = r.challenge),
                   c.id, c.status, c.household_id, c.replaced_by_card_id,
                   (SELECT MAX(z.verified_atc) FROM payouts z WHERE z.card_number = r.card_number),
                   h.status, h.village_code,
                   e.id, e.amount, e.balance,
                   p.code, p.programme, p.status, p.start_date, p.end_date
            FROM unnest(@terminal_ids, @keys, @challenges, @cards, @period_ids) WITH ORDINALITY
                 AS r(terminal_id, idempotency_key, challenge, card_number, period_id, ord)
            LEFT JOIN terminals t ON t.id = r.terminal_id
            LEFT JOIN distribution_points dp ON dp.id = t.point_id
            LEFT JOIN cards c ON c.card_number = r.card_number
            LEFT JOIN households h ON h.id = c.household_id
            LEFT JOIN entitlements e ON e.household_id = c.household_id AND e.period_id = r.period_id
            LEFT JOIN aid_periods p ON p.id = e.period_id
            ORDER BY r.ord
            """,
            (NpgsqlConnection)session.Connection, (NpgsqlTransaction)session.Transaction);
        command.Parameters.Add(Array("terminal_ids", NpgsqlDbType.Bigint, lookups.Select(r => r.TerminalId).ToArray()));
        command.Parameters.Add(Array("keys", NpgsqlDbType.Text, lookups.Select(r => r.IdempotencyKey).ToArray()));
        command.Parameters.Add(Array("challenges", NpgsqlDbType.Bytea, lookups.Select(r => r.Challenge).ToArray()));
        command.Parameters.Add(Array("cards", NpgsqlDbType.Text, lookups.Select(r => r.CardNumber).ToArray()));
        command.Parameters.Add(Array("period_ids", NpgsqlDbType.Bigint, lookups.Select(r => r.PeriodId).ToArray()));

        var snapshots = new AuthorizationSnapshot?[lookups.Count];
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var index = (int)reader.GetInt64(0) - 1;
            snapshots[index] = DbValues.ReadSnapshot(reader, 1, lookups[index].PeriodId);
        }

        return snapshots;
    }

    /// <summary>
    /// The whole write in one round trip: the debits, the payouts and the session's events (taken from it,
    /// so the session writes no more of them). Anyone outside the unit of work who got in between shows as a
    /// CHECK violation of the debit (its balance is no longer the one read), a unique violation (a challenge,
    /// key or ATC taken) or a deadlock: nothing is stored, and it is reported as a conflict.
    /// </summary>
    public async Task WriteAsync(DbSession session, IReadOnlyList<EntitlementDebit> debits, IReadOnlyList<NewPayout> payouts, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch((NpgsqlConnection)session.Connection, (NpgsqlTransaction)session.Transaction);
        if (debits.Count > 0)
        {
            batch.BatchCommands.Add(DebitCommand(debits));
        }

        if (payouts.Count > 0)
        {
            batch.BatchCommands.Add(InsertCommand(payouts));
        }

        if (PostgresOutboxBatchCommand.Create(session.Outbox.TakePending()) is { } events)
        {
            batch.BatchCommands.Add(events);
            if (outboxSignal is { } signal)
            {
                session.OnCommitted(signal.Pulse);
            }
        }

        if (batch.BatchCommands.Count == 0)
        {
            return;
        }

        try
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.CheckViolation)
        {
            throw new ConcurrencyConflictException("payout", "batch");
        }
    }

    /// <summary>
    /// Debits every entitlement at once, each by the unit of work's total for it, and only from the
    /// balance it read: a balance anyone else changed meanwhile is set to -1 instead, which the table's
    /// CHECK (balance >= 0) refuses, so everything rolls back without a round trip to look at the result
    /// first. Under READ COMMITTED a debit that waited for another transaction's row lock compares against
    /// the balance that transaction left. Entitlements are never deleted, so every id read is there.
    /// </summary>
    private static NpgsqlBatchCommand DebitCommand(IReadOnlyList<EntitlementDebit> debits)
    {
        var command = new NpgsqlBatchCommand(
            """
            UPDATE entitlements AS e SET balance = CASE WHEN e.balance = d.before THEN d.after ELSE -1 END
            FROM unnest(@ids, @befores, @afters) AS d(id, before, after)
            WHERE e.id = d.id
            """);
        command.Parameters.Add(Array("ids", NpgsqlDbType.Bigint, debits.Select(d => d.EntitlementId).ToArray()));
        command.Parameters.Add(Array("befores", NpgsqlDbType.Bigint, debits.Select(d => d.BalanceBefore).ToArray()));
        command.Parameters.Add(Array("afters", NpgsqlDbType.Bigint, debits.Select(d => d.BalanceAfter).ToArray()));
        return command;
    }

    private static NpgsqlBatchCommand InsertCommand(IReadOnlyList<NewPayout> payouts)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO payouts (id, terminal_id, idempotency_key, request_hash, card_number, household_id, period_id, entitlement_id,
                                 village_code, amount, atc, verified_atc, challenge, result, decline_reason, approval_code, balance_after,
                                 created_at, business_date)
            SELECT * FROM unnest(@id, @terminal_id, @idempotency_key, @request_hash, @card_number, @household_id, @period_id, @entitlement_id,
                                 @village_code, @amount, @atc, @verified_atc, @challenge, @result, @decline_reason, @approval_code, @balance_after,
                                 @created_at, @business_date)
            """);
        var records = payouts.Select(p => p.Record).ToArray();
        command.Parameters.Add(Array("id", NpgsqlDbType.Uuid, records.Select(r => r.PayoutId).ToArray()));
        command.Parameters.Add(Array("terminal_id", NpgsqlDbType.Bigint, records.Select(r => r.TerminalId).ToArray()));
        command.Parameters.Add(Array("idempotency_key", NpgsqlDbType.Text, records.Select(r => r.IdempotencyKey).ToArray()));
        command.Parameters.Add(Array("request_hash", NpgsqlDbType.Bytea, records.Select(r => r.RequestHash).ToArray()));
        command.Parameters.Add(Array("card_number", NpgsqlDbType.Text, records.Select(r => r.CardNumber).ToArray()));
        command.Parameters.Add(Array("household_id", NpgsqlDbType.Uuid, records.Select(r => r.HouseholdId).ToArray()));
        command.Parameters.Add(Array("period_id", NpgsqlDbType.Bigint, records.Select(r => r.PeriodId).ToArray()));
        command.Parameters.Add(Array("entitlement_id", NpgsqlDbType.Bigint, records.Select(r => r.EntitlementId).ToArray()));
        command.Parameters.Add(Array("village_code", NpgsqlDbType.Text, records.Select(r => r.VillageCode).ToArray()));
        command.Parameters.Add(Array("amount", NpgsqlDbType.Bigint, records.Select(r => r.Amount).ToArray()));
        command.Parameters.Add(Array("atc", NpgsqlDbType.Integer, payouts.Select(p => p.Atc).ToArray()));
        command.Parameters.Add(Array("verified_atc", NpgsqlDbType.Integer, payouts.Select(p => p.VerifiedAtc).ToArray()));
        command.Parameters.Add(Array("challenge", NpgsqlDbType.Bytea, payouts.Select(p => p.Challenge).ToArray()));
        command.Parameters.Add(Array("result", NpgsqlDbType.Text, records.Select(r => r.Approved ? "APPROVED" : "DECLINED").ToArray()));
        command.Parameters.Add(Array("decline_reason", NpgsqlDbType.Text,
            records.Select(r => r.DeclineReason is { } reason ? DeclineReasons.Code(reason) : null).ToArray()));
        command.Parameters.Add(Array("approval_code", NpgsqlDbType.Text, records.Select(r => r.ApprovalCode).ToArray()));
        command.Parameters.Add(Array("balance_after", NpgsqlDbType.Bigint, records.Select(r => r.BalanceAfter).ToArray()));
        command.Parameters.Add(Array("created_at", NpgsqlDbType.TimestampTz, records.Select(r => DapperTypeHandlers.Normalize(r.At)).ToArray()));
        command.Parameters.Add(Array("business_date", NpgsqlDbType.Text, records.Select(r => BusinessCalendar.Format(r.BusinessDate)).ToArray()));
        return command;
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType elementType, T[] values) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values };
}
