using System.Text.Json;
using Bansos.Gateway.Data;
using Bansos.Gateway.Domain;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Identity;

namespace Bansos.Gateway.Users;

/// <summary>Admins create users (with a generated password, shown once), disable/enable them and change their role or villages. Audited.</summary>
public sealed class UserAdministration(
    UserStore users,
    IDbSessions sessions,
    IPasswordHasher<GatewayUser> hasher,
    IAuditTrail audit,
    TimeProvider time)
{
    /// <summary>The new user and its password (the only time it is seen).</summary>
    public async Task<(GatewayUser User, string Password)> CreateAsync(
        string actor, string userName, string displayName, string role, IReadOnlyList<string> villages, CancellationToken ct)
    {
        var name = UserRules.Validate(userName, displayName, role, villages);
        var password = Secrets.NewCode(4);
        var user = new GatewayUser(0, name, displayName.Trim(), role, [.. villages.Distinct()], "", false, 0, null);
        user = user with { PasswordHash = hasher.HashPassword(user, password) };
        var created = await sessions.WriteAsync(async session =>
        {
            if (await users.FindAsync(name, ct) is not null)
            {
                throw new ConflictException($"Nama pengguna {name} sudah dipakai (user name taken).");
            }

            var now = time.GetUtcNow();
            var id = await UserStore.InsertAsync(session, user, now, ct);
            await audit.AppendAsync(session.Connection, session.Transaction, new AuditEntry(actor, "user.created", "gateway_user", name, null, Describe(user)), ct);
            return user with { Id = id };
        }, ct: ct);
        return (created, password);
    }

    public Task<GatewayUser> SetDisabledAsync(string actor, string userName, bool disabled, CancellationToken ct) =>
        ChangeAsync(actor, userName, disabled ? "user.disabled" : "user.enabled", user => user with { Disabled = disabled }, ct);

    public Task<GatewayUser> SetRoleAsync(string actor, string userName, string role, IReadOnlyList<string> villages, CancellationToken ct)
    {
        var violations = UserRules.ValidateRole(role, villages);
        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }

        return ChangeAsync(actor, userName, "user.role_changed", user => user with { Role = role, Villages = [.. villages.Distinct()] }, ct);
    }

    /// <summary>A new generated password (forgotten password), shown once; unlocks the account.</summary>
    public async Task<string> ResetPasswordAsync(string actor, string userName, CancellationToken ct)
    {
        var password = Secrets.NewCode(4);
        await ChangeAsync(actor, userName, "user.password_reset",
            user => user with { PasswordHash = hasher.HashPassword(user, password), FailedAttempts = 0, LockedUntil = null }, ct);
        return password;
    }

    private Task<GatewayUser> ChangeAsync(string actor, string userName, string action, Func<GatewayUser, GatewayUser> change, CancellationToken ct) =>
        sessions.WriteAsync(async session =>
        {
            var before = await users.FindAsync(userName, ct)
                ?? throw new NotFoundException($"Pengguna {userName} tidak ada (no such user).");
            var after = change(before);
            await UserStore.UpdateAsync(session, after, time.GetUtcNow(), ct);
            // Whatever changed, the user's sessions end: the next refresh carries the new role or is refused.
            await UserStore.RevokeRefreshTokensAsync(session, before.Id, ct);
            await audit.AppendAsync(session.Connection, session.Transaction, new AuditEntry(actor, action, "gateway_user", before.UserName, Describe(before), Describe(after)), ct);
            return after;
        }, ct: ct);

    private static string Describe(GatewayUser user) =>
        JsonSerializer.Serialize(new { user.UserName, user.DisplayName, user.Role, user.Villages, user.Disabled });
}
