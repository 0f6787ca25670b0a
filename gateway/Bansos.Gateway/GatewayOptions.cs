using System.ComponentModel.DataAnnotations;
using System.Net;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace Bansos.Gateway;

/// <summary><c>Bansos:Gateway:*</c> (docs/gateway.md has the table), checked at start-up (docs/decisions.md D87).</summary>
public sealed class GatewayOptions : IValidatableObject
{
    public const string Section = "Bansos:Gateway";

    /// <summary>Keys, certificates and the first admin's password file; created 0700 (files 0600). Default: <c>&lt;Bansos:DataDir&gt;/gateway</c>.</summary>
    public string? DataDir { get; set; }

    /// <summary>TLS port (REST, gRPC for agents with mutual TLS, enrolment), all interfaces. 0: any free port.</summary>
    [Range(0, 65535)]
    public int HttpsPort { get; set; } = 8443;

    /// <summary>Cleartext REST/UI port bound to <see cref="HttpAddress"/> only (-1: off). Never carries agent traffic.</summary>
    [Range(-1, 65535)]
    public int HttpPort { get; set; } = 8080;

    [Required]
    public string HttpAddress { get; set; } = "127.0.0.1";

    /// <summary>Extra names (DNS) for the generated server certificate, besides localhost, the host name and loopback addresses.</summary>
    public string[] ServerNames { get; set; } = [];

    public Dictionary<string, Backend> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = BansosAuthOptions.MaxPersonLifetime;

    /// <summary>A sign-in lasts at most this long, refreshes included (one working day).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TerminalTokenLifetime { get; set; } = BansosAuthOptions.MaxTerminalLifetime;

    [Range(1, 1000)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan EnrolmentCodeLifetime { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan TerminalCertificateLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// How often the revoked terminal certificates are re-read from the gateway's store: only
    /// revocations another gateway instance made need it (this instance's own apply at once).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RevocationPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Without a list from payout's terminal watch for this long the gateway refuses every terminal
    /// (fail closed); payout sends one at least every 20 s (docs/decisions.md D93).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan TerminalStatusMaxAge { get; set; } = TimeSpan.FromSeconds(60);

    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    [Range(1024, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 100 * 1024 * 1024;

    [ValidateObjectMembers]
    public RateLimits RateLimits { get; set; } = new();

    public PkiPaths Pki { get; set; } = new();

    /// <summary>An external OIDC issuer (e.g. Keycloak) whose tokens the gateway also accepts; off unless <c>Authority</c> is set.</summary>
    [ValidateObjectMembers]
    public ExternalIssuer External { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(HttpAddress, out _))
        {
            yield return new ValidationResult("is not an IP address (the cleartext port binds to one interface).", [nameof(HttpAddress)]);
        }

        foreach (var (name, backend) in Services)
        {
            foreach (var (kind, address) in new[] { (nameof(Backend.Http), backend.Http), (nameof(Backend.Grpc), backend.Grpc) })
            {
                if (address is not null && !(Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
                {
                    yield return new ValidationResult("is not an http:// or https:// address.", [$"{nameof(Services)}:{name}:{kind}"]);
                }
            }
        }
    }

    /// <summary>Where the files live: configured paths win, else the data folder.</summary>
    public string ResolveDataDir(IConfiguration configuration) =>
        Path.GetFullPath(DataDir ?? Path.Combine(configuration["Bansos:DataDir"] is { Length: > 0 } d ? d : "./data", "gateway"));

    /// <summary>A service's addresses: configured, else the loopback defaults of <see cref="ServicePorts"/>.</summary>
    public Backend BackendFor(string service)
    {
        var ports = ServicePorts.DefaultFor(service);
        var configured = Services.GetValueOrDefault(service);
        return new Backend
        {
            Http = configured?.Http ?? $"http://127.0.0.1:{ports.Http}",
            Grpc = configured?.Grpc ?? $"http://127.0.0.1:{ports.Grpc}",
        };
    }
}

/// <summary>A backend service's two cleartext addresses (see <see cref="ServicePorts"/>).</summary>
public sealed class Backend
{
    public string? Http { get; set; }

    public string? Grpc { get; set; }
}

/// <summary>Requests per minute; a partition is one user (token subject), one terminal, or one client address for sign-in.</summary>
public sealed class RateLimits
{
    [Range(1, int.MaxValue)]
    public int PerUserPerMinute { get; set; } = 600;

    [Range(1, int.MaxValue)]
    public int PerTerminalPerMinute { get; set; } = 600;

    /// <summary>Card numbers are sequential: unthrottled BeginPayout lookups would enumerate beneficiaries.</summary>
    [Range(1, int.MaxValue)]
    public int BeginPayoutPerTerminalPerMinute { get; set; } = 30;

    [Range(1, int.MaxValue)]
    public int SignInPerAddressPerMinute { get; set; } = 30;
}

/// <summary>Key and certificate files (PEM). Unset: in the data folder, generated at first start.</summary>
public sealed class PkiPaths
{
    public string? ServerCaCertificate { get; set; }

    public string? ServerCaKey { get; set; }

    public string? ServerCertificate { get; set; }

    public string? ServerKey { get; set; }

    public string? TerminalCaCertificate { get; set; }

    public string? TerminalCaKey { get; set; }

    public string? TokenSigningKey { get; set; }
}

/// <summary>
/// Trust of an external OIDC issuer at the gateway: its tokens are validated against its published
/// keys (discovery at <see cref="Authority"/>), their roles and villages read from the named
/// claims, and the services get a gateway token for the same person (they trust the gateway only).
/// </summary>
public sealed class ExternalIssuer : IValidatableObject
{
    public string? Authority { get; set; }

    /// <summary>The <c>iss</c> its tokens carry (default: the authority).</summary>
    public string? Issuer { get; set; }

    public string Audience { get; set; } = "bansos";

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim holding roles (repeated or an array); only admin, operator and auditor are taken.</summary>
    public string RoleClaim { get; set; } = "role";

    public string VillageClaim { get; set; } = "village";

    public string NameClaim { get; set; } = "preferred_username";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public string EffectiveIssuer => Issuer ?? Authority!.TrimEnd('/');

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("is not an absolute address.", [nameof(Authority)]);
        }
    }
}
