using Bansos.Gateway.Data;
using Bansos.Gateway.Domain;
using Bansos.Gateway.Tokens;
using Bansos.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Bansos.Gateway.Users;

/// <summary>
/// Password sign-in (PBKDF2 via Identity's hasher, lockout after repeated failures) and refresh
/// (rotating, single-use tokens, stored hashed; a session ends after one working day; a replayed
/// refresh token ends all the user's sessions; a disabled user's refresh is refused at once).
/// </summary>
public sealed class SignIns(
    UserStore users,
    IDbSessions sessions,
    IPasswordHasher<GatewayUser> hasher,
    GatewayTokenIssuer tokens,
    IOptions<GatewayOptions> options,
    TimeProvider time)
{
    private const string WrongCredentials = "Nama pengguna atau kata sandi salah (wrong user name or password).";

    // Verified against when the user does not exist, so a wrong name costs as long as a wrong password.
    private static readonly string DummyHash = new PasswordHasher<GatewayUser>().HashPassword(null!, Secrets.NewToken());

    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var user = await users.FindAsync(userName ?? "", ct);
        if (user is null)
        {
            hasher.VerifyHashedPassword(null!, DummyHash, password ?? "");
            throw new SignInRefusedException(WrongCredentials);
        }

        if (user.IsLockedAt(now))
        {
            throw new SignInRefusedException($"Akun terkunci sampai {user.LockedUntil:HH:mm} UTC karena terlalu banyak percobaan (account locked after repeated failures).");
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            var (failed, lockedUntil) = UserRules.AfterFailure(user, now, options.Value.MaxFailedSignIns, options.Value.LockoutDuration);
            await users.RecordSignInAsync(user with { FailedAttempts = failed, LockedUntil = lockedUntil }, ct);
            throw new SignInRefusedException(WrongCredentials);
        }

        if (user.Disabled)
        {
            throw new SignInRefusedException("Akun dinonaktifkan (account disabled).");
        }

        if (user.FailedAttempts != 0 || user.LockedUntil is not null)
        {
            await users.RecordSignInAsync(user with { FailedAttempts = 0, LockedUntil = null }, ct);
        }

        var sessionExpires = now + options.Value.SessionLifetime;
        return await sessions.WriteAsync(session => IssueAsync(session, user, sessionExpires, now, ct), ct: ct);
    }

    public async Task<SignInResult> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        var hash = Secrets.Hash(refreshToken ?? "");
        var result = await sessions.WriteAsync<SignInResult?>(async session =>
        {
            var now = time.GetUtcNow();
            var row = await UserStore.UseRefreshTokenAsync(session, hash, ct)
                ?? throw new SignInRefusedException("Token penyegaran tidak dikenal (unknown refresh token).");
            if (row.Used != 0)
            {
                // Someone holds a copy: end every session of this user (committed, then refused).
                await UserStore.RevokeRefreshTokensAsync(session, row.UserId, ct);
                return null;
            }

            var user = await UserStore.FindAsync(session, row.UserId, ct);
            if (user is null || user.Disabled || row.SessionExpires <= now)
            {
                return null;
            }

            return await IssueAsync(session, user, row.SessionExpires, now, ct);
        }, ct: ct);
        return result ?? throw new SignInRefusedException("Sesi berakhir; silakan masuk lagi (session ended: sign in again).");
    }

    private async Task<SignInResult> IssueAsync(
        DbSession session, GatewayUser user, DateTimeOffset sessionExpires, DateTimeOffset now, CancellationToken ct)
    {
        var refresh = Secrets.NewToken();
        await UserStore.AddRefreshTokenAsync(session, Secrets.Hash(refresh), user.Id, sessionExpires, now, ct);
        var access = tokens.IssuePerson(user.UserName, user.DisplayName, user.Role, user.Villages);
        return new SignInResult(access.Token, access.ExpiresAt, refresh, sessionExpires);
    }
}
