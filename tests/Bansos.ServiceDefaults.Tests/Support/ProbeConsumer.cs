using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.ServiceDefaults.Tests.Support;

/// <summary>Applies a probe once: a row in probe_effects, committed with the inbox record.</summary>
public sealed class ProbeConsumer(IDbSessions sessions, ProbeLog log) : InboxConsumer<OutboxProbe>(sessions)
{
    protected override async Task HandleAsync(OutboxProbe message, DbSession session, CancellationToken ct)
    {
        if (message.RunId != log.RunId)
        {
            return; // another test's probe on the shared exchange
        }

        // No UNIQUE conflict is expected: a second apply would fail loudly here, not hide.
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO probe_effects (run_id, number) VALUES (@RunId, @Number)", message, session.Transaction, cancellationToken: ct));
        session.OnCommitted(() => log.Applied(message.Number));
    }
}
