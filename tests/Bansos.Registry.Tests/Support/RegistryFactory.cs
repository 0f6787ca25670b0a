using System.Collections.Concurrent;
using Bansos.Registry.Seeding;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Dapper;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bansos.Registry.Tests.Support;

/// <summary>
/// The registry host (its real <c>Program</c>) on a TestServer (<see cref="ServiceHost{TMarker}"/>),
/// with its own database (a SQLite file in a temporary folder or a fresh PostgreSQL database), its
/// own token issuer (key pair), its own spool folder and, when asked, the real RabbitMQ (on the
/// registry tests' own virtual host, see <see cref="RegistryTestBroker"/>) and the pilot seed. Use as
/// a class fixture (parameterless subclasses below) or start one per test with <see cref="StartAsync"/>.
/// </summary>
public class RegistryFactory : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, GrpcChannel> channels = new();
    private readonly string spoolDirectory = Path.Combine(Path.GetTempPath(), "bansos-registry-tests", Guid.NewGuid().ToString("N"));
    private ServiceHost<Program>? host;

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

    public TestDatabase Database => Host.Database;

    public IServiceProvider Services => Host.Services;

    /// <summary>Where uploads are spooled (<c>Bansos:Registry:TempDirectory</c>): empty again after every import.</summary>
    public string SpoolDirectory => spoolDirectory;

    public string AdminToken => Token("admin-test", BansosRoles.Admin);

    public string OperatorToken => Token("operator-test", BansosRoles.Operator);

    public string AuditorToken => Token("auditor-test", BansosRoles.Auditor);

    private ServiceHost<Program> Host => host ?? throw new InvalidOperationException("Not started.");

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
        var broker = TestServers.RabbitMq;
        if (Options.Relay)
        {
            await RequiresServer.RabbitMqAsync();
            broker = await RegistryTestBroker.UriAsync();
        }

        // Migrations run before this returns; with Relay the bus is connected too.
        host = Options.Database is { } database
            ? await ServiceHost<Program>.StartAsync(RegistryService.Name, database, Settings(broker))
            : await ServiceHost<Program>.StartAsync(RegistryService.Name, Options.Dialect, Settings(broker));
        if (Options.Seed)
        {
            await WaitForSeedAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync(); // the channels too; the database unless the test owns it
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

    private List<KeyValuePair<string, string?>> Settings(string broker)
    {
        List<KeyValuePair<string, string?>> settings =
        [
            new("Bansos:DataDir", Path.Combine(spoolDirectory, "data")),
            new("Bansos:Registry:TempDirectory", spoolDirectory),
            new("Bansos:Pilot:Seed", Options.Seed ? "true" : "false"),
            new("ConnectionStrings:rabbitmq", broker),
            new("Bansos:RabbitMq:AutoDeleteQueues", "true"),
            new("Bansos:RabbitMq:DeclareSubscriberQueues", "false"), // no payout here would ever drain them
            new("Bansos:RabbitMq:WaitUntilStarted", Options.Relay ? "true" : "false"),
            new("Bansos:Outbox:RelayEnabled", Options.Relay ? "true" : "false"),
            new("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning"),
            new("Logging:LogLevel:MassTransit", "Error"),
            .. Tokens.Settings(), // replaces TestTokens' issuer
        ];
        if (Options.MaxUploadBytes is { } max)
        {
            settings.Add(new("Bansos:Registry:MaxUploadBytes", max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        settings.AddRange(Options.Settings);
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
    public RegistryGrpc Grpc(string? token) =>
        new(channels.GetOrAdd(token ?? "", key => Host.Channel(key, new GrpcChannelOptions
        {
            MaxSendMessageSize = null,
            MaxReceiveMessageSize = null,
        })));

    public RegistryGrpc AsAdmin => Grpc(AdminToken);

    public RegistryGrpc AsOperator => Grpc(OperatorToken);

    public RegistryGrpc AsAuditor => Grpc(AuditorToken);

    public RegistryGrpc Anonymous => Grpc(null);

    /// <summary>A plain HTTP client for the REST side (JSON transcoding and the CSV upload).</summary>
    public HttpClient Rest(string? token) => Host.Rest(token ?? "");

    public T Service<T>()
        where T : notnull => Host.Service<T>();

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
}

/// <summary>SQLite, no seed, no broker: a fresh registry shared by one test class.</summary>
public sealed class EmptyRegistry() : RegistryFactory(RegistryHostOptions.Empty);

/// <summary>SQLite with the 707 pilot households and their cards, no broker.</summary>
public sealed class PilotRegistry() : RegistryFactory(RegistryHostOptions.Pilot);
