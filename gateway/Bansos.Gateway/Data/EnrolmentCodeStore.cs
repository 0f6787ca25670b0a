using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Gateway.Data;

/// <summary>One-time enrolment codes, stored as hashes.</summary>
public sealed class EnrolmentCodeStore(IDbSessions sessions)
{
    public Task AddAsync(string codeHash, long terminalId, string createdBy, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct) =>
        sessions.WriteAsync(session => session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO gateway_enrolment_codes (code_hash, terminal_id, created_by, created_at, expires_at, used_at) VALUES (@codeHash, @terminalId, @createdBy, @now, @expiresAt, NULL)",
            new { codeHash, terminalId, createdBy, now, expiresAt }, session.Transaction, cancellationToken: ct)), ct: ct);

    /// <summary>
    /// Uses the code once: the terminal it names when it exists, is unused and unexpired (then it
    /// is marked used in the same statement's transaction); null otherwise.
    /// </summary>
    public Task<long?> ConsumeAsync(string codeHash, DateTimeOffset now, CancellationToken ct) =>
        sessions.WriteAsync<long?>(async session =>
        {
            var row = await session.Connection.QuerySingleOrDefaultAsync<CodeRow>(new CommandDefinition(
                "SELECT terminal_id AS TerminalId, expires_at AS ExpiresAt, used_at AS UsedAt FROM gateway_enrolment_codes WHERE code_hash = @codeHash",
                new { codeHash }, session.Transaction, cancellationToken: ct));
            if (row is null || row.UsedAt is not null || row.ExpiresAt <= now)
            {
                return null;
            }

            var updated = await session.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE gateway_enrolment_codes SET used_at = @now WHERE code_hash = @codeHash AND used_at IS NULL",
                new { codeHash, now }, session.Transaction, cancellationToken: ct));
            return updated == 1 ? row.TerminalId : null;
        }, ct: ct);

    private sealed class CodeRow
    {
        public long TerminalId { get; init; }

        public DateTimeOffset ExpiresAt { get; init; }

        public DateTimeOffset? UsedAt { get; init; }
    }
}
