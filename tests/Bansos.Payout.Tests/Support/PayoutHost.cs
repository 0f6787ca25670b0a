using Bansos.Payout.Application;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.Payout.Tests.Support;

/// <summary>
/// The payout service as Program builds it, on a TestServer, with its own database, issuer key
/// file and queue names. Clients carry <see cref="TestTokens"/>, which this host trusts.
/// </summary>
public sealed class PayoutHost : IAsyncDisposable
{
    private readonly Factory factory;
    private readonly string keyDirectory;
    private readonly List<GrpcChannel> channels = [];

    private PayoutHost(Factory factory, TestDatabase database, string keyDirectory)
    {
        this.factory = factory;
        Database = database;
        this.keyDirectory = keyDirectory;
    }

    public TestDatabase Database { get; }

    public IServiceProvider Services => factory.Services;

    /// <summary>The issuer key file this host was configured with.</summary>
    public string IssuerKeyFile => Path.Combine(keyDirectory, "issuer.key");

    public IDatabase Db => Services.GetRequiredService<IDatabase>();

    /// <param name="relay">Publish the outbox to RabbitMQ and wait for the bus at start (messaging tests).</param>
    /// <param name="time">A clock to replace the system's.</param>
    /// <param name="settings">Further configuration.</param>
    public static async Task<PayoutHost> StartAsync(DbDialect dialect, bool relay = false, TimeProvider? time = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var database = await TestDatabases.CreateAsync(dialect);
        var broker = await PayoutTestBroker.UriAsync();
        var keyDirectory = Path.Combine(Path.GetTempPath(), "bansos-payout-tests", Guid.NewGuid().ToString("N"));
        List<KeyValuePair<string, string?>> all =
        [
            .. TestTokens.Settings(),
            .. database.Settings(PayoutHosting.ServiceName),
            .. TestMessaging.Settings(),
            new("ConnectionStrings:rabbitmq", broker),
            new("Bansos:RabbitMq:WaitUntilStarted", relay ? "true" : "false"),
            new("Bansos:Payout:EndpointPrefix", TestMessaging.UniqueServiceName("payout-test")),
            new("Bansos:Payout:IssuerKeyFile", Path.Combine(keyDirectory, "issuer.key")),
            new("Bansos:Outbox:RelayEnabled", relay ? "true" : "false"),
            new("Logging:LogLevel:Default", "Warning"),
            .. settings ?? [],
        ];
        var factory = new Factory(all, time);
        var host = new PayoutHost(factory, database, keyDirectory);
        try
        {
            _ = factory.Server; // starts the host: migrations run before this returns
            await host.Services.GetRequiredService<MigrationGate>().WaitAsync(CancellationToken.None);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public PayoutTerminalService.PayoutTerminalServiceClient Terminal(long terminalId) => new(Channel(TestTokens.Terminal(terminalId)));

    public AidPeriodService.AidPeriodServiceClient Periods(string? token = null) => new(Channel(token ?? TestTokens.Admin()));

    public DistributionPointService.DistributionPointServiceClient Points(string? token = null) => new(Channel(token ?? TestTokens.Admin()));

    public IssuerKeyService.IssuerKeyServiceClient Keys(string? token = null) => new(Channel(token ?? TestTokens.Admin()));

    public PayoutReportService.PayoutReportServiceClient Reports(string? token = null) => new(Channel(token ?? TestTokens.Admin()));

    /// <summary>A plain HTTP/1.1 client for the REST facade (JSON transcoding).</summary>
    public HttpClient Rest(string token)
    {
        var client = new HttpClient(new BearerTokenHandler(token, factory.Server.CreateHandler())) { BaseAddress = factory.Server.BaseAddress };
        return client;
    }

    public GrpcChannel Channel(string token)
    {
        var channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new BearerTokenHandler(token, factory.Server.CreateHandler()),
        });
        lock (channels)
        {
            channels.Add(channel);
        }

        return channel;
    }

    /// <summary>Applies a registry event as the consumers do, in one transaction (no broker).</summary>
    public Task ApplyAsync(object @event)
    {
        var updater = Service<ProjectionUpdater>();
        return Service<IDbSessions>().WriteAsync(async session =>
        {
            await (@event switch
        {
                Contracts.HouseholdRegistered e => updater.ApplyAsync(session, e, CancellationToken.None),
                Contracts.HouseholdChanged e => updater.ApplyAsync(session, e, CancellationToken.None),
                Contracts.HouseholdStatusChanged e => updater.ApplyAsync(session, e, CancellationToken.None),
                Contracts.CardIssued e => updater.ApplyAsync(session, e, CancellationToken.None),
                Contracts.CardStatusChanged e => updater.ApplyAsync(session, e, CancellationToken.None),
                _ => throw new ArgumentException($"Not a registry event: {@event.GetType().Name}", nameof(@event)),
            });
            return true;
        });
    }

    public async ValueTask DisposeAsync()
    {
        lock (channels)
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }

        await factory.DisposeAsync();
        await Database.DisposeAsync();
        try
        {
            Directory.Delete(keyDirectory, recursive: true);
        }
        catch (IOException)
        {
            // temp folder; the OS cleans it
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class Factory(IReadOnlyList<KeyValuePair<string, string?>> settings, TimeProvider? time) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (time is not null)
            {
                builder.ConfigureTestServices(services => services.AddSingleton(time));
            }
        }
    }
}
