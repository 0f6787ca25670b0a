using Bansos.Gateway.Domain;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Gateway.Data;

/// <summary>Users and refresh tokens in the gateway's own database.</summary>
public sealed class UserStore(IDatabase database, IDbSessions sessions)
{
    private const string Columns =
        "id AS Id, user_name AS UserName, display_name AS DisplayName, role AS Role, villages AS Villages, password_hash AS PasswordHash, " +
        "disabled AS Disabled, failed_attempts AS FailedAttempts, locked_until AS LockedUntil";

    public async Task<GatewayUser?> FindAsync(string userName, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            $"SELECT {Columns} FROM gateway_users WHERE user_name = @userName", new { userName = userName.Trim().ToLowerInvariant() }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public static async Task<GatewayUser?> FindAsync(DbSession session, long id, CancellationToken ct)
    {
        var row = await session.Connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            $"SELECT {Columns} FROM gateway_users WHERE id = @id", new { id }, session.Transaction, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<GatewayUser>> ListAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition($"SELECT {Columns} FROM gateway_users ORDER BY user_name", cancellationToken: ct));
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task<long> CountAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM gateway_users", cancellationToken: ct));
    }

    public static Task<long> InsertAsync(DbSession session, GatewayUser user, DateTimeOffset now, CancellationToken ct) =>
        session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO gateway_users (user_name, display_name, role, villages, password_hash, disabled, failed_attempts, locked_until, created_at, updated_at) " +
            "VALUES (@UserName, @DisplayName, @Role, @Villages, @PasswordHash, 0, 0, NULL, @now, @now) RETURNING id",
            new { user.UserName, user.DisplayName, user.Role, Villages = string.Join('|', user.Villages), user.PasswordHash, now }, session.Transaction, cancellationToken: ct));

    public static Task UpdateAsync(DbSession session, GatewayUser user, DateTimeOffset now, CancellationToken ct) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE gateway_users SET display_name = @DisplayName, role = @Role, villages = @Villages, password_hash = @PasswordHash, disabled = @Disabled, " +
            "failed_attempts = @FailedAttempts, locked_until = @LockedUntil, updated_at = @now WHERE id = @Id",
            new
            {
                user.Id, user.DisplayName, user.Role, Villages = string.Join('|', user.Villages), user.PasswordHash,
                Disabled = user.Disabled ? 1 : 0, user.FailedAttempts, user.LockedUntil, now,
            }, session.Transaction, cancellationToken: ct));

    public Task RecordSignInAsync(GatewayUser user, CancellationToken ct) =>
        sessions.WriteAsync(session => session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE gateway_users SET failed_attempts = @FailedAttempts, locked_until = @LockedUntil WHERE id = @Id",
            new { user.Id, user.FailedAttempts, user.LockedUntil }, session.Transaction, cancellationToken: ct)), ct: ct);

    /// <summary>Marks the token used and returns it; null when unknown. <c>AlreadyUsed</c> means it was presented before (a copy is around).</summary>
    public static async Task<RefreshTokenRow?> UseRefreshTokenAsync(DbSession session, string tokenHash, CancellationToken ct)
    {
        var row = await session.Connection.QuerySingleOrDefaultAsync<RefreshTokenRow>(new CommandDefinition(
            "SELECT user_id AS UserId, session_expires AS SessionExpires, used AS Used FROM gateway_refresh_tokens WHERE token_hash = @tokenHash",
            new { tokenHash }, session.Transaction, cancellationToken: ct));
        if (row is not null)
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE gateway_refresh_tokens SET used = 1 WHERE token_hash = @tokenHash", new { tokenHash }, session.Transaction, cancellationToken: ct));
        }

        return row;
    }

    public static Task AddRefreshTokenAsync(DbSession session, string tokenHash, long userId, DateTimeOffset sessionExpires, DateTimeOffset now, CancellationToken ct) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO gateway_refresh_tokens (token_hash, user_id, session_expires, issued_at, used) VALUES (@tokenHash, @userId, @sessionExpires, @now, 0)",
            new { tokenHash, userId, sessionExpires, now }, session.Transaction, cancellationToken: ct));

    /// <summary>Ends every sign-in of the user (disabled, re-roled, or a refresh token was replayed).</summary>
    public static Task RevokeRefreshTokensAsync(DbSession session, long userId, CancellationToken ct) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM gateway_refresh_tokens WHERE user_id = @userId", new { userId }, session.Transaction, cancellationToken: ct));

    public sealed class RefreshTokenRow
    {
        public long UserId { get; init; }

        public DateTimeOffset SessionExpires { get; init; }

        public long Used { get; init; }
    }

    private sealed class UserRow
    {
        public long Id { get; init; }

        public string UserName { get; init; } = "";

        public string DisplayName { get; init; } = "";

        public string Role { get; init; } = "";

        public string Villages { get; init; } = "";

        public string PasswordHash { get; init; } = "";

        public long Disabled { get; init; }

        public long FailedAttempts { get; init; }

        public DateTimeOffset? LockedUntil { get; init; }

        public GatewayUser ToDomain() => new(
            Id, UserName, DisplayName, Role, Villages.Split('|', StringSplitOptions.RemoveEmptyEntries), PasswordHash,
            Disabled != 0, (int)FailedAttempts, LockedUntil);
    }
}
