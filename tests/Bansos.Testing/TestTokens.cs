using System.Globalization;
using Bansos.ServiceDefaults.Auth;

namespace Bansos.Testing;

/// <summary>
/// Tokens from one <see cref="TestTokenIssuer"/> per test process. A host accepts them once its
/// configuration includes <see cref="Settings"/> (the issuer's public key); nothing else does.
/// </summary>
public static class TestTokens
{
    /// <summary>The shared issuer (its key pair is made when the process first asks).</summary>
    public static TestTokenIssuer Issuer { get; } = new();

    /// <summary>Add to a test host's configuration so that it trusts these tokens.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings() => Issuer.Settings();

    public static string Issue(string subject, params string[] roles) =>
        Issuer.Issue(subject, roles, BansosAuthOptions.MaxPersonLifetime, new Dictionary<string, object> { [BansosClaims.Name] = subject });

    public static string Admin(string subject = "admin-test") => Issue(subject, BansosRoles.Admin);

    public static string Operator(string subject = "operator-test") => Issue(subject, BansosRoles.Operator);

    /// <summary>An operator serving <paramref name="villages"/> (repeated <c>village</c> claims, as the gateway issues them).</summary>
    public static string OperatorOf(IReadOnlyList<string> villages, string subject = "operator-test") =>
        Issuer.Issue(subject, [BansosRoles.Operator], TimeSpan.FromMinutes(10),
            new Dictionary<string, object> { [BansosClaims.Name] = subject, [BansosClaims.Village] = villages.ToArray() });

    public static string Auditor(string subject = "auditor-test") => Issue(subject, BansosRoles.Auditor);

    /// <summary>A terminal token without a village (payout's checks need none; the complaint service files nothing with it).</summary>
    public static string Terminal(long terminalId) =>
        Issuer.Issue($"terminal-{terminalId.ToString(CultureInfo.InvariantCulture)}", [BansosRoles.Terminal], BansosAuthOptions.MaxTerminalLifetime,
            new Dictionary<string, object> { [BansosClaims.TerminalId] = terminalId.ToString(CultureInfo.InvariantCulture) });

    /// <summary>What the gateway mints for an enrolled terminal: with the village of its distribution point.</summary>
    public static string Terminal(long terminalId, string village) =>
        Issuer.Issue($"terminal-{terminalId.ToString(CultureInfo.InvariantCulture)}", [BansosRoles.Terminal], BansosAuthOptions.MaxTerminalLifetime,
            new Dictionary<string, object> { [BansosClaims.TerminalId] = terminalId.ToString(CultureInfo.InvariantCulture), [BansosClaims.Village] = new[] { village } });

    /// <summary>The "Authorization" header value.</summary>
    public static string Bearer(string token) => "Bearer " + token;
}
