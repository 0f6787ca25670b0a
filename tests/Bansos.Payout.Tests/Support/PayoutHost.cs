using Bansos.Payout.Application;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.Payout.Tests.Support;

/// <summary>
/// The payout service on a TestServer (<see cref="ServiceHost{TMarker}"/>) with its own database,
/// issuer key file and queue names, and clients for its gRPC services. Clients carry
/// <see cref="TestTokens"/>, which this host trusts.
/// </summary>
public sealed class PayoutHost : IAsyncDisposable
{
    private readonly string keyDirectory;

    private PayoutHost(ServiceHost<Program> host, string keyDirectory)
    {
        Host = host;
        this.keyDirectory = keyDirectory;
    }

    public ServiceHost<Program> Host { get; }

    public TestDatabase Database => Host.Database;

    public IServiceProvider Services => Host.Services;

    /// <summary>The issuer key file this host was configured with.</summary>
    public string IssuerKeyFile => Path.Combine(keyDirectory, "issuer.key");

    public IDatabase Db => Service<IDatabase>();

    /// <param name="relay">Publish the outbox to RabbitMQ and wait for the bus at start (messaging tests).</param>
    /// <param name="time">A clock to replace the system's.</param>
    /// <param name="settings">Further configuration.</param>
    public static async Task<PayoutHost> StartAsync(DbDialect dialect, bool relay = false, TimeProvider? time = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var broker = await PayoutTestBroker.UriAsync();
        var keyDirectory = Path.Combine(Path.GetTempPath(), "bansos-payout-tests", Guid.NewGuid().ToString("N"));
        List<KeyValuePair<string, string?>> all =
        [
            .. TestMessaging.Settings(),
            new("ConnectionStrings:rabbitmq", broker),
            new("Bansos:RabbitMq:WaitUntilStarted", relay ? "true" : "false"),
            new("Bansos:Payout:EndpointPrefix", TestMessaging.UniqueServiceName("payout-test")),
            new("Bansos:Payout:IssuerKeyFile", Path.Combine(keyDirectory, "issuer.key")),
            new("Bansos:Outbox:RelayEnabled", relay ? "true" : "false"),
            .. settings ?? [],
        ];
        try
        {
            var host = await ServiceHost<Program>.StartAsync(PayoutHosting.ServiceName, dialect, all,
                time is null ? null : services => services.AddSingleton(time));
            return new PayoutHost(host, keyDirectory);
        }
        catch
        {
            DeleteKeys(keyDirectory);
            throw;
        }
    }

    public T Service<T>()
        where T : notnull => Host.Service<T>();

    public PayoutTerminalService.PayoutTerminalServiceClient Terminal(long terminalId) => new(Channel(TestTokens.Terminal(terminalId)));

    public AidPeriodService.AidPeriodServiceClient Periods(string? token = null) => new(Channel(token ?? TestTokens.Admin()));

    public DistributionPointService.DistributionPointServiceClient Points(string? token = null) => new(Channel(token ?? TestTokens.Admin()));

    public IssuerKeyService.IssuerKeyServiceClient Keys(string? token = null) => new(Channel(token ?? TestTokens.Admin()));

    public PayoutReportService.PayoutReportServiceClient Reports(string? token = null) => new(Channel(token ?? TestTokens.Admin()));

    /// <summary>A plain HTTP/1.1 client for the REST facade (JSON transcoding).</summary>
    public HttpClient Rest(string token) => Host.Rest(token);

    public GrpcChannel Channel(string token) => Host.Channel(token);

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
        await Host.DisposeAsync();
        DeleteKeys(keyDirectory);
    }

    private static void DeleteKeys(string keyDirectory)
    {
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
}
