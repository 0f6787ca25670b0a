using System.Data.Common;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.ServiceDefaults.Audit;

/// <summary>
/// Appends lock the chain head row (PostgreSQL: SELECT … FOR UPDATE; SQLite: the transaction
/// already holds the only write lock), so appends are serialised and the chain has no forks.
/// </summary>
internal sealed class AuditTrail(IDatabase database, TimeProvider time) : IAuditTrail
{
    private const string Columns =
        "sequence AS Sequence, at AS At, actor AS Actor, action AS Action, entity_type AS EntityType, " +
        "entity_id AS EntityId, before_json AS BeforeJson, after_json AS AfterJson, prev_hash AS PrevHash, hash AS Hash";

    public async Task<long> AppendAsync(DbConnection connection, DbTransaction transaction, AuditEntry entry, CancellationToken ct = default)
    {
        var lockClause = database.Dialect == DbDialect.Postgres ? " FOR UPDATE" : "";
        var head = await connection.QuerySingleAsync<ChainHead>(new CommandDefinition(
            "SELECT sequence AS Sequence, hash AS Hash FROM audit_chain_head WHERE id = 1" + lockClause,
            transaction: transaction, cancellationToken: ct));

        var sequence = head.Sequence + 1;
        var at = DapperTypeHandlers.Normalize(time.GetUtcNow());
        var hash = AuditHash.Compute(head.Hash, sequence, at, entry.Actor, entry.Action,
            entry.EntityType, entry.EntityId, entry.BeforeJson, entry.AfterJson);

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_log (sequence, at, actor, action, entity_type, entity_id, before_json, after_json, prev_hash, hash)
            VALUES (@sequence, @at, @Actor, @Action, @EntityType, @EntityId, @BeforeJson, @AfterJson, @prevHash, @hash);
            UPDATE audit_chain_head SET sequence = @sequence, hash = @hash WHERE id = 1;
            """,
            new
            {
                sequence, at, entry.Actor, entry.Action, entry.EntityType, entry.EntityId,
                entry.BeforeJson, entry.AfterJson, prevHash = head.Hash, hash,
            },
            transaction,
            cancellationToken: ct));
        return sequence;
    }

    public async Task<long?> VerifyChainAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var expected = 1L;
        var prevHash = "";
        while (true)
        {
            var page = (await connection.QueryAsync<AuditRecord>(new CommandDefinition(
                $"SELECT {Columns} FROM audit_log WHERE sequence >= @from ORDER BY sequence LIMIT 1000",
                new { from = expected }, cancellationToken: ct))).ToList();
            foreach (var record in page)
            {
                if (record.Sequence != expected || record.PrevHash != prevHash || AuditHash.Compute(record) != record.Hash)
                {
                    return expected;
                }

                prevHash = record.Hash;
                expected++;
            }

            if (page.Count < 1000)
            {
                break;
            }
        }

        // The head remembers the last append: a truncated tail (or a chain rewritten from some point on without it) shows here.
        var head = await connection.QuerySingleAsync<ChainHead>(new CommandDefinition(
            "SELECT sequence AS Sequence, hash AS Hash FROM audit_chain_head WHERE id = 1", cancellationToken: ct));
        if (head.Sequence != expected - 1 || head.Hash != prevHash)
        {
            return Math.Min(head.Sequence, expected - 1) + 1;
        }

        return null;
    }

    public async Task<IReadOnlyList<AuditRecord>> ListAsync(string entityType, string entityId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var records = await connection.QueryAsync<AuditRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM audit_log WHERE entity_type = @entityType AND entity_id = @entityId ORDER BY sequence",
            new { entityType, entityId }, cancellationToken: ct));
        return [.. records];
    }

    private sealed class ChainHead
    {
        public long Sequence { get; init; }

        public string Hash { get; init; } = "";
    }
}
