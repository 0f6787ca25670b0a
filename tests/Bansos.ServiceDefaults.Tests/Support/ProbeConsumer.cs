using System.Data.Common;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.ServiceDefaults.Tests.Support;

/// <summary>Applies a probe once: a row in probe_effects, committed with the inbox record.</summary>
public sealed class ProbeConsumer(IDatabase database, ProbeLog log) : InboxConsumer<OutboxProbe>(database)
{
    protected override async Task HandleAsync(OutboxProbe message, DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        if (message.RunId != log.RunId)
        {
            return; // another test's probe on the shared exchange
        }

        // No UNIQUE conflict is expected: a second apply would fail loudly here, not hide.
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO probe_effects (run_id, number) VALUES (@RunId, @Number)", message, transaction, cancellationToken: ct));
        transaction.OnCommitted(() => log.Applied(message.Number));
    }
}
