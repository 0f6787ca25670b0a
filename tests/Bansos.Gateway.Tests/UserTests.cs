using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bansos.Gateway.Tests.Support;
using Bansos.ServiceDefaults.Auth;

namespace Bansos.Gateway.Tests;

/// <summary>The gateway's own users: first admin, sign-in, lockout, refresh, disable, re-role, village claims.</summary>
public sealed class UserTests(GatewayStack stack) : IClassFixture<GatewayStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_first_admin_password_file_is_owner_only_and_the_key_files_too()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        foreach (var file in new[] { Users.FirstAdmin.PasswordFileName, "token-signing.key", "terminal-ca.key", "server-ca.key", "server.key" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, FileMode(Path.Combine(stack.DataDir, file)));
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, FileMode(stack.DataDir));
    }

    private static UnixFileMode FileMode(string path) =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException() : File.GetUnixFileMode(path);

    [Fact]
    public async Task An_operators_token_carries_its_role_villages_and_a_lifetime_of_at_most_15_minutes()
    {
        var token = await stack.UserTokenAsync("op-claims", BansosRoles.Operator, "17.03.12.2003", "17.03.12.2001");
        var payload = JsonDocument.Parse(Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(token.Split('.')[1]))).RootElement;

        Assert.Equal("op-claims", payload.GetProperty("sub").GetString());
        Assert.Equal(["operator"], payload.GetProperty("role").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["17.03.12.2003", "17.03.12.2001"], payload.GetProperty("village").EnumerateArray().Select(e => e.GetString()));
        Assert.True(payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64() <= 15 * 60);
        Assert.Equal("ES256", JsonDocument.Parse(Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(token.Split('.')[0]))).RootElement.GetProperty("alg").GetString());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var (password, _) = await stack.CreateUserAsync("op-lock", BansosRoles.Operator, "17.03.12.2003");
        using var http = stack.Https();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "op-lock", password = "SALAH-" + i }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "op-lock", password }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("terkunci", await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_tokens_rotate_work_once_and_a_disabled_users_refresh_is_refused_at_once()
    {
        var (password, _) = await stack.CreateUserAsync("aud-refresh", BansosRoles.Auditor);
        using var http = stack.Https();
        using var signIn = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "aud-refresh", password }, Ct);
        var first = (await signIn.Content.ReadFromJsonAsync<GatewayStack.TokenBody>(Ct))!;

        using var refreshed = await http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken }, Ct);
        var second = (await refreshed.Content.ReadFromJsonAsync<GatewayStack.TokenBody>(Ct))!;
        using var replay = await http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken }, Ct);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.True(second.ExpiresIn <= 15 * 60);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);

        // A replay ended the sessions; sign in again, then disable: the refresh is refused at once.
        using var again = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "aud-refresh", password }, Ct);
        var third = (await again.Content.ReadFromJsonAsync<GatewayStack.TokenBody>(Ct))!;
        using var admin = stack.Https(await stack.AdminTokenAsync());
        using var disable = await admin.PostAsync("/api/v1/gateway/users/aud-refresh/disable", null, Ct);
        using var afterDisable = await http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = third.RefreshToken }, Ct);
        using var signInDisabled = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "aud-refresh", password }, Ct);

        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterDisable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signInDisabled.StatusCode);
    }

    [Fact]
    public async Task Admins_re_role_users_and_bad_input_is_a_problem_with_field_errors()
    {
        var (password, _) = await stack.CreateUserAsync("aud-rerole", BansosRoles.Auditor);
        using var admin = stack.Https(await stack.AdminTokenAsync());

        using var rerole = await admin.PutAsJsonAsync("/api/v1/gateway/users/aud-rerole/role", new { role = "operator", villages = new[] { "17.03.12.2003" } }, Ct);
        using var bad = await admin.PostAsJsonAsync("/api/v1/gateway/users", new { userName = "X", displayName = "", role = "root", villages = Array.Empty<string>() }, Ct);
        using var duplicate = await admin.PostAsJsonAsync("/api/v1/gateway/users", new { userName = "aud-rerole", displayName = "Lagi", role = "auditor" }, Ct);
        var token = await stack.SignInAsync("aud-rerole", password);
        var payload = Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(token.Split('.')[1]));

        Assert.Equal(HttpStatusCode.OK, rerole.StatusCode);
        Assert.Contains("\"operator\"", payload, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("user_name", out _));
        Assert.True(errors.TryGetProperty("role", out _));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }
}
