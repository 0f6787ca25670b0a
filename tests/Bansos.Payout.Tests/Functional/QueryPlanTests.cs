using Bansos.Payout.Tests.Support;
using Bansos.ServiceDefaults.Storage;
using Dapper;
using Npgsql;

namespace Bansos.Payout.Tests.Functional;

/// <summary>
/// The payout path's lookups on a new PostgreSQL database, before the planner has statistics: the plan
/// made then is kept (generic plans, docs/decisions.md D97), so it must already be the right one.
/// </summary>
public sealed class QueryPlanTests
{
    [Fact]
    public async Task On_a_new_database_the_idempotency_lookup_uses_its_unique_index_and_not_the_terminal_s_whole_day()
    {
        await using var host = await PayoutHost.StartAsync(DbDialect.Postgres);
        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync("SET plan_cache_mode = force_generic_plan");

        // The subquery of AuthorizePayout's read (PostgresAuthorizationStore.ReadAsync), as a prepared statement.
        await connection.ExecuteAsync(
            """
            PREPARE lookup(bigint[], text[]) AS
            SELECT (SELECT x.id FROM payouts x WHERE x.terminal_id = r.terminal_id AND x.idempotency_key = r.idempotency_key)
            FROM unnest($1, $2) AS r(terminal_id, idempotency_key)
            """);
        var plan = string.Join('\n', await connection.QueryAsync<string>("EXPLAIN EXECUTE lookup(ARRAY[1]::bigint[], ARRAY['key'])"));

        Assert.Contains("ux_payouts_idempotency", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Filter", plan, StringComparison.Ordinal);
    }
}
