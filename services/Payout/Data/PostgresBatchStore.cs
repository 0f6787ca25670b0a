using Bansos.Payout.Application;
using Bansos.Payout.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Bansos.Payout.Data;

/// <summary>
/// The set-based SQL of a PostgreSQL batch of authorisations: one read for all requests, one
/// conditional debit for all entitlements, one insert for all payouts. Arrays go in as typed
/// parameters and come apart with <c>unnest</c>, so a batch costs a handful of round trips
/// whatever its size.
/// </summary>
public sealed class PostgresBatchStore
{
    /// <summary>
    /// BeginPayout's read (<see cref="PayoutStore.ReadCardViewAsync"/>) for many (terminal, card)
    /// requests at once: the rows of each, in request order; empty for a request whose terminal is
    /// not enrolled (the inner join to terminals drops it).
    /// </summary>
    public async Task<IReadOnlyList<CardView>[]> ReadCardViewsAsync(NpgsqlConnection connection,
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
            (views[index] ??= new List<CardView>(2)).Add(PayoutStore.ReadCardView(reader, 1));
        }

        return [.. views.Select(v => (IReadOnlyList<CardView>?)v ?? [])];
    }

    /// <summary>The per-request read of <see cref="PayoutStore.ReadSnapshotAsync"/>, for every request at once; in request order.</summary>
    public async Task<IReadOnlyList<AuthorisationSnapshot?>> ReadSnapshotsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<AuthorisationRequest> requests, CancellationToken ct)
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
            connection, transaction);
        command.Parameters.Add(Array("terminal_ids", NpgsqlDbType.Bigint, requests.Select(r => r.TerminalId).ToArray()));
        command.Parameters.Add(Array("keys", NpgsqlDbType.Text, requests.Select(r => r.Command.IdempotencyKey).ToArray()));
        command.Parameters.Add(Array("challenges", NpgsqlDbType.Bytea, requests.Select(r => r.ChallengeBytes).ToArray()));
        command.Parameters.Add(Array("cards", NpgsqlDbType.Text, requests.Select(r => r.CardNumber).ToArray()));
        command.Parameters.Add(Array("period_ids", NpgsqlDbType.Bigint, requests.Select(r => r.Command.PeriodId).ToArray()));

        var snapshots = new AuthorisationSnapshot?[requests.Count];
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            snapshots[reader.GetInt64(0) - 1] = PayoutStore.ReadSnapshot(reader, 1);
        }

        return snapshots;
    }

    /// <summary>
    /// Debits every entitlement of the batch at once, each only while its balance covers the
    /// batch's total for it. True when every one ended exactly where the batch computed: anything
    /// else means another transaction drew or credited meanwhile, and the caller rolls back.
    /// </summary>
    public async Task<bool> DebitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<AuthorisationBatchPlan.Debit> debits, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            UPDATE entitlements AS e SET balance = e.balance - d.amount
            FROM unnest(@ids, @amounts) AS d(id, amount)
            WHERE e.id = d.id AND e.balance >= d.amount
            RETURNING e.id, e.balance
            """,
            connection, transaction);
        command.Parameters.Add(Array("ids", NpgsqlDbType.Bigint, debits.Select(d => d.EntitlementId).ToArray()));
        command.Parameters.Add(Array("amounts", NpgsqlDbType.Bigint, debits.Select(d => d.Amount).ToArray()));
        var expected = debits.ToDictionary(d => d.EntitlementId, d => d.BalanceAfter);
        var matched = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (expected.TryGetValue(reader.GetInt64(0), out var balance) && balance == reader.GetInt64(1))
            {
                matched++;
            }
        }

        return matched == debits.Count;
    }

    public async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<AuthorisationBatchPlan.NewPayout> payouts, CancellationToken ct)
    {
        if (payouts.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO payouts (id, terminal_id, idempotency_key, request_hash, card_number, household_id, period_id, entitlement_id,
                                 village_code, amount, atc, verified_atc, challenge, result, decline_reason, approval_code, balance_after,
                                 created_at, business_date)
            SELECT * FROM unnest(@id, @terminal_id, @idempotency_key, @request_hash, @card_number, @household_id, @period_id, @entitlement_id,
                                 @village_code, @amount, @atc, @verified_atc, @challenge, @result, @decline_reason, @approval_code, @balance_after,
                                 @created_at, @business_date)
            """,
            connection, transaction);
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
        command.Parameters.Add(Array("created_at", NpgsqlDbType.TimestampTz,
            records.Select(r => Bansos.ServiceDefaults.Storage.DapperTypeHandlers.Normalize(r.At)).ToArray()));
        command.Parameters.Add(Array("business_date", NpgsqlDbType.Text, records.Select(r => BusinessCalendar.Format(r.BusinessDate)).ToArray()));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType elementType, T[] values) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values };
}
