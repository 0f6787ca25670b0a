using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Gateway.Data;

/// <summary>Terminal certificates refused before their expiry (<c>gateway_revoked_certificates</c>).</summary>
public sealed class RevokedCertificateStore(IDatabase database, IDbSessions sessions)
{
    /// <summary>Records the revocation; recording the same certificate again changes nothing.</summary>
    public Task AddAsync(RevokedCertificate revoked, CancellationToken ct) =>
        sessions.WriteAsync(session => session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO gateway_revoked_certificates (thumbprint, terminal_id, serial_number, not_after, revoked_at, reason)
            VALUES (@Thumbprint, @TerminalId, @SerialNumber, @NotAfter, @RevokedAt, @Reason)
            ON CONFLICT DO NOTHING
            """,
            revoked, session.Transaction, cancellationToken: ct)), ct: ct);

    /// <summary>The thumbprints of revoked certificates that have not expired by <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<string>> ListUnexpiredAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT thumbprint FROM gateway_revoked_certificates WHERE not_after > @now",
            new { now }, cancellationToken: ct));
        return [.. rows];
    }
}
