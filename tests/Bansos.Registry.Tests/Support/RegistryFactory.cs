using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Bansos.Registry.Seeding;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Dapper;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bansos.Registry.Tests.Support;

/// <summary>
/// The registry host (its real <c>Program</c>) on a TestServer, with its own database (a SQLite file
/// in a temporary folder or a fresh PostgreSQL database), its own token issuer (key pair), its own spool folder
/// and, when asked, the real RabbitMQ (on the registry tests' own virtual host, see
/// <see cref="RegistryTestBroker"/>) and the pilot seed. Use as a class fixture (parameterless
/// subclasses below) or start one per test with <see cref="StartAsync"/>.
/// </summary>
public class RegistryFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, GrpcChannel> channels = new();
    private readonly string spoolDirectory = Path.Combine(Path.GetTempPath(), "bansos-registry-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase? database;
    private string broker = TestServers.RabbitMq;

    public RegistryFactory()
        : this(RegistryHostOptions.Empty)
    {
    }

    public RegistryFactory(RegistryHostOptions options)
    {
        Options = options;
    }

    public RegistryHostOptions Options { get; }

    /// <summary>This host's own token issuer: tokens from any other key (<see cref="TestTokens"/>' included) are refused.</summary>
    public TestTokenIssuer Tokens { get; } = new();

    public TestDatabase Database => database ?? throw new InvalidOperationException("Not started.");

    /// <summary>Where uploads are spooled (<c>Bansos:Registry:TempDirectory</c>): empty again after every import.</summary>
    public string SpoolDirectory => spoolDirectory;

    public string AdminToken => Token("admin-test", BansosRoles.Admin);

    public string OperatorToken => Token("operator-test", BansosRoles.Operator);

    public string AuditorToken => Token("auditor-test", BansosRoles.Auditor);

    public string Token(string subject, params string[] roles) =>
        Tokens.Issue(subject, roles, roles.Contains(BansosRoles.Terminal) ? BansosAuthOptions.MaxTerminalLifetime : BansosAuthOptions.MaxPersonLifetime, new Dictionary<string, object> { [BansosClaims.Name] = subject });

    /// <summary>A host for one test (dispose it with <c>await using</c>).</summary>
    public static async Task<RegistryFactory> StartAsync(RegistryHostOptions options)
    {
        var factory = new RegistryFactory(options);
        try
        {
            await factory.InitializeAsync();
            return factory;
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (Options.Relay)
        {
            await RequiresServer.RabbitMqAsync();
            broker = await RegistryTestBroker.UriAsync();
        }

        database = Options.Database ?? await TestDatabases.CreateAsync(Options.Dialect);
        StartServer(); // migrations run in StartingAsync; with Relay the bus is connected before this returns
        if (Options.Seed)
        {
            await WaitForSeedAsync();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var channel in channels.Values)
        {
            channel.Dispose();
        }

        await base.DisposeAsync();
        if (database is not null && Options.Database is null)
        {
            await database.DisposeAsync();
        }

        try
        {
            Directory.Delete(spoolDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = Settings();
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Bansos:DataDir"] = Path.Combine(spoolDirectory, "data"),
            ["Bansos:Registry:TempDirectory"] = spoolDirectory,
            ["Bansos:Pilot:Seed"] = Options.Seed ? "true" : "false",
            ["ConnectionStrings:rabbitmq"] = broker,
            ["Bansos:RabbitMq:AutoDeleteQueues"] = "true",
            ["Bansos:RabbitMq:DeclareSubscriberQueues"] = "false", // no payout here would ever drain them
            ["Bansos:RabbitMq:WaitUntilStarted"] = Options.Relay ? "true" : "false",
            ["Bansos:Outbox:RelayEnabled"] = Options.Relay ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            ["Logging:LogLevel:MassTransit"] = "Error",
        };
        foreach (var (key, value) in Tokens.Settings().Concat(Database.Settings(RegistryService.Name)))
        {
            settings[key] = value;
        }

        if (Options.MaxUploadBytes is { } max)
        {
            settings["Bansos:Registry:MaxUploadBytes"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in Options.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    private async Task WaitForSeedAsync()
    {
        var seeder = Services.GetServices<IHostedService>().OfType<PilotSeeder>().Single();
        var task = seeder.ExecuteTask ?? throw new InvalidOperationException("The pilot seeder did not start.");
        await task.WaitAsync(TimeSpan.FromSeconds(120));
        var households = await ScalarAsync("SELECT COUNT(*) FROM households");
        var cards = await ScalarAsync("SELECT COUNT(*) FROM aid_cards");
        if (households != Pilot.Households || cards != Pilot.Households)
        {
            throw new InvalidOperationException($"The pilot seed left {households} households and {cards} cards, not {Pilot.Households}.");
        }
    }

    /// <summary>gRPC clients that call as the holder of <paramref name="token"/> (null: no token at all).</summary>
    public RegistryGrpc Grpc(string? token)
    {
        var channel = channels.GetOrAdd(token ?? "", key => GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new BearerHandler(key.Length == 0 ? null : key) { InnerHandler = Server.CreateHandler() },
            MaxSendMessageSize = null,
            MaxReceiveMessageSize = null,
        }));
        return new RegistryGrpc(channel);
    }

    public RegistryGrpc AsAdmin => Grpc(AdminToken);

    public RegistryGrpc AsOperator => Grpc(OperatorToken);

    public RegistryGrpc AsAuditor => Grpc(AuditorToken);

    public RegistryGrpc Anonymous => Grpc(null);

    /// <summary>A plain HTTP client for the REST side (JSON transcoding and the CSV upload).</summary>
    public HttpClient Rest(string? token)
    {
        var client = CreateDefaultClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task<long> ScalarAsync(string sql, object? parameters = null)
    {
        await using var connection = await Service<IDatabase>().OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: TestContext.Current.CancellationToken));
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Service<IDatabase>().OpenConnectionAsync(TestContext.Current.CancellationToken);
        return [.. await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: TestContext.Current.CancellationToken))];
    }

    private sealed class BearerHandler(string? token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>SQLite, no seed, no broker: a fresh registry shared by one test class.</summary>
public sealed class EmptyRegistry() : RegistryFactory(RegistryHostOptions.Empty);

/// <summary>SQLite with the 707 pilot households and their cards, no broker.</summary>
public sealed class PilotRegistry() : RegistryFactory(RegistryHostOptions.Pilot);
