using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Bansos.Complaint;
using Bansos.Gateway;
using Bansos.Gateway.Users;
using Bansos.Payout;
using Bansos.Registry;
using Bansos.ServiceDefaults;
using Bansos.ServiceDefaults.Hosting;
using Bansos.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.Gateway.Tests.Support;

/// <summary>
/// The gateway in front of the real registry and payout hosts, all on real Kestrel over loopback:
/// the gateway on TLS (client certificates allowed) and cleartext REST, each service on its h2c and
/// HTTP/1.1 ports, verifying tokens with the gateway's JWKS fetched from its URL. Each host has its
/// own SQLite database and data folder. One per test class (class fixture).
/// </summary>
public class GatewayStack : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bansos-gateway-tests", Guid.NewGuid().ToString("N"));
    private readonly List<WebApplication> apps = [];
    private readonly List<IDisposable> disposables = [];
    private TestDatabase? registryDb;
    private TestDatabase? payoutDb;

    public WebApplication Gateway { get; private set; } = null!;

    public Uri GatewayHttps { get; private set; } = null!;

    public Uri GatewayHttp { get; private set; } = null!;

    public Uri RegistryHttp { get; private set; } = null!;

    public Uri RegistryGrpc { get; private set; } = null!;

    public Uri PayoutHttp { get; private set; } = null!;

    public Uri PayoutGrpc { get; private set; } = null!;

    public string DataDir => Path.Combine(folder, "gateway");

    /// <summary>The server CA agents pin (from the gateway's data folder).</summary>
    public X509Certificate2 ServerCa { get; private set; } = null!;

    public string AdminPassword { get; private set; } = "";

    /// <summary>Settings a test class may add (rate limits, say).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    public virtual async ValueTask InitializeAsync()
    {
        int gwHttps = FreePorts.Next(), gwHttp = FreePorts.Next(), regGrpc = FreePorts.Next(), regHttp = FreePorts.Next(), payGrpc = FreePorts.Next(), payHttp = FreePorts.Next();
        GatewayHttps = new Uri($"https://127.0.0.1:{gwHttps}");
        GatewayHttp = new Uri($"http://127.0.0.1:{gwHttp}");
        RegistryGrpc = new Uri($"http://127.0.0.1:{regGrpc}");
        RegistryHttp = new Uri($"http://127.0.0.1:{regHttp}");
        PayoutGrpc = new Uri($"http://127.0.0.1:{payGrpc}");
        PayoutHttp = new Uri($"http://127.0.0.1:{payHttp}");

        Gateway = GatewayApp.Build([], configuration => configuration.AddInMemoryCollection(
        [
            new("Bansos:DataDir", folder),
            new("Bansos:Gateway:HttpsPort", gwHttps.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Bansos:Gateway:HttpPort", gwHttp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Bansos:Gateway:Services:registry:Http", RegistryHttp.ToString()),
            new("Bansos:Gateway:Services:registry:Grpc", RegistryGrpc.ToString()),
            new("Bansos:Gateway:Services:payout:Http", PayoutHttp.ToString()),
            new("Bansos:Gateway:Services:payout:Grpc", PayoutGrpc.ToString()),
            new("Bansos:Gateway:Services:complaint:Http", $"http://127.0.0.1:{FreePorts.Next()}"),
            new("Bansos:Gateway:Services:complaint:Grpc", $"http://127.0.0.1:{FreePorts.Next()}"),
            new("Logging:LogLevel:Default", "Warning"),
        ]).AddInMemoryCollection(ExtraSettings)); // a test class's settings override the defaults above
        await StartAsync(Gateway);
        ServerCa = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(DataDir, "server-ca.crt"));
        disposables.Add(ServerCa);

        var jwks = new Uri(GatewayHttp, "/.well-known/jwks.json").ToString();
        payoutDb = TestDatabases.CreateSqlite();
        var payout = Service("payout", payGrpc, payHttp, jwks, payoutDb,
        [
            new("Bansos:Payout:IssuerKeyFile", Path.Combine(folder, "payout", "issuer.key")),
            new("Bansos:Payout:EndpointPrefix", TestMessaging.UniqueServiceName("payout-gw-test")),
        ]);
        registryDb = TestDatabases.CreateSqlite();
        var registry = Service("registry", regGrpc, regHttp, jwks, registryDb,
        [
            new("Bansos:Registry:TempDirectory", Path.Combine(folder, "spool")),
            new("Bansos:Pilot:Seed", "false"),
        ]);
        await StartAsync(payout);
        await StartAsync(registry);
        AdminPassword = await FirstAdminPasswordAsync();
    }

    /// <summary>Where the services fetch the gateway's signing keys.</summary>
    protected string Jwks => new Uri(GatewayHttp, "/.well-known/jwks.json").ToString();

    protected WebApplication Service(string name, int grpcPort, int httpPort, string jwks, TestDatabase database, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var builder = BansosWebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(
        [
            .. database.Settings(name),
            .. TestMessaging.Settings(),
        ]);
        builder.Configuration.AddInMemoryCollection(
        [
            new("Bansos:RabbitMq:WaitUntilStarted", "false"),
            new("Bansos:Outbox:RelayEnabled", "false"),
            new("Bansos:DataDir", Path.Combine(folder, name)),
            new("Bansos:Auth:JwksUri", jwks),
            new("Kestrel:Endpoints:Grpc:Url", $"http://127.0.0.1:{grpcPort}"),
            new("Kestrel:Endpoints:Grpc:Protocols", "Http2"),
            new("Kestrel:Endpoints:Http:Url", $"http://127.0.0.1:{httpPort}"),
            new("Kestrel:Endpoints:Http:Protocols", "Http1"),
            new("Logging:LogLevel:Default", "Warning"),
            .. settings,
        ]);
        builder.AddServiceDefaults(name);
        _ = name switch
        {
            "payout" => builder.AddPayoutServices(),
            "complaint" => builder.AddComplaintServices(),
            _ => builder.AddRegistryServices(),
        };

        var app = builder.Build();
        app.MapServiceDefaults();
        _ = name switch
        {
            "payout" => app.MapPayoutEndpoints(),
            "complaint" => app.MapComplaintEndpoints(),
            _ => app.MapRegistryEndpoints(),
        };

        return app;
    }

    protected async Task StartAsync(WebApplication app)
    {
        apps.Add(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> FirstAdminPasswordAsync()
    {
        var file = Path.Combine(DataDir, FirstAdmin.PasswordFileName);
        for (var i = 0; i < 300 && !File.Exists(file); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return (await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken))[1];
    }

    /// <summary>An HTTPS client to the gateway that trusts its server CA, optionally presenting a client certificate.</summary>
    public HttpClient Https(string? token = null, X509Certificate2? clientCertificate = null)
    {
        var handler = Handler(clientCertificate);
        var client = new HttpClient(handler) { BaseAddress = GatewayHttps };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        disposables.Add(client);
        return client;
    }

    public SocketsHttpHandler Handler(X509Certificate2? clientCertificate = null)
    {
        var ca = ServerCa;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return certificate is X509Certificate2 c && chain.Build(c);
        };
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        return handler;
    }

    /// <summary>A gRPC channel to the gateway's TLS port (as agents use it), with a bearer token and/or client certificate.</summary>
    public GrpcChannel Grpc(string? token = null, X509Certificate2? clientCertificate = null)
    {
        var channel = GrpcChannel.ForAddress(GatewayHttps, new GrpcChannelOptions
        {
            HttpHandler = token is null ? Handler(clientCertificate) : new BearerTokenHandler(token, Handler(clientCertificate)),
        });
        disposables.Add(channel);
        return channel;
    }

    /// <summary>A gRPC channel straight to a service's h2c port (bypassing the gateway).</summary>
    public GrpcChannel Direct(Uri grpc, string? token)
    {
        var channel = GrpcChannel.ForAddress(grpc, new GrpcChannelOptions
        {
            HttpHandler = token is null ? new SocketsHttpHandler() : new BearerTokenHandler(token, new SocketsHttpHandler()),
        });
        disposables.Add(channel);
        return channel;
    }

    /// <summary>Signs in at the gateway; the access token.</summary>
    public async Task<string> SignInAsync(string userName, string password)
    {
        using var response = await Https().PostAsJsonAsync("/api/v1/auth/token", new { userName, password }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>(TestContext.Current.CancellationToken);
        return body!.AccessToken;
    }

    public Task<string> AdminTokenAsync() => SignInAsync(FirstAdmin.UserName, AdminPassword);

    /// <summary>Creates a user through the admin API and signs them in; the access token.</summary>
    public async Task<string> UserTokenAsync(string userName, string role, params string[] villages)
    {
        var (password, _) = await CreateUserAsync(userName, role, villages);
        return await SignInAsync(userName, password);
    }

    public async Task<(string Password, HttpStatusCode Status)> CreateUserAsync(string userName, string role, params string[] villages)
    {
        using var response = await Https(await AdminTokenAsync()).PostAsJsonAsync("/api/v1/gateway/users",
            new { userName, displayName = userName, role, villages }, TestContext.Current.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return ("", response.StatusCode);
        }

        var created = await response.Content.ReadFromJsonAsync<CreatedBody>(TestContext.Current.CancellationToken);
        return (created!.Password, response.StatusCode);
    }

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var disposable in disposables)
        {
            disposable.Dispose();
        }

        foreach (var app in Enumerable.Reverse(apps))
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }

        if (registryDb is not null)
        {
            await registryDb.DisposeAsync();
        }

        if (payoutDb is not null)
        {
            await payoutDb.DisposeAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }

    public sealed record TokenBody(string AccessToken, string RefreshToken, int ExpiresIn);

    public sealed record CreatedBody(string Password);
}
