using System.Net;
using Bansos.ServiceDefaults.Storage;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.Testing;

/// <summary>
/// A service as its Program builds it, on a TestServer in the Testing environment, with a database
/// of its own (removed on dispose) or the test's, and the given settings; gRPC channels and REST
/// clients carry a bearer token. <typeparamref name="TMarker"/> is any public class of the
/// service's assembly (two services in one test project cannot both be named by their
/// <c>Program</c>). The one hosting fixture of every service's tests (docs/engineering.md, Tests).
/// </summary>
public sealed class ServiceHost<TMarker> : IAsyncDisposable
    where TMarker : class
{
    private readonly Factory factory;
    private readonly List<GrpcChannel> channels = [];
    private readonly bool ownsDatabase;
    private readonly bool loopback;

    private ServiceHost(Factory factory, TestDatabase database, bool ownsDatabase, bool loopback)
    {
        this.factory = factory;
        this.ownsDatabase = ownsDatabase;
        this.loopback = loopback;
        Database = database;
    }

    public TestDatabase Database { get; }

    /// <summary>The TestServer's base address, or the loopback port's (<see cref="StartOnLoopbackAsync"/>).</summary>
    public Uri Address { get; private set; } = null!;

    public IServiceProvider Services => factory.Services;

    /// <param name="serviceName">The connection string's name (<c>ConnectionStrings:&lt;service&gt;</c>).</param>
    /// <param name="settings">
    /// Configuration, applied after the database's, <see cref="TestTokens"/>' and a quiet log level, so
    /// it may replace them (a token issuer of the test's own, say).
    /// </param>
    /// <param name="services">Test replacements (a clock), applied after the service's own registrations.</param>
    public static async Task<ServiceHost<TMarker>> StartAsync(string serviceName, DbDialect dialect,
        IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? services = null) =>
        await StartAsync(serviceName, await TestDatabases.CreateAsync(dialect), ownsDatabase: true, loopback: false, settings, services);

    /// <summary>
    /// On Kestrel at a free loopback port (h2c) instead of a TestServer: for clients that dial an
    /// address themselves (the agent through its own channels, a gateway's routes).
    /// </summary>
    public static async Task<ServiceHost<TMarker>> StartOnLoopbackAsync(string serviceName, DbDialect dialect,
        IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? services = null) =>
        await StartAsync(serviceName, await TestDatabases.CreateAsync(dialect), ownsDatabase: true, loopback: true,
            [new("Kestrel:Endpoints:Grpc:Url", "http://127.0.0.1:0"), new("Kestrel:Endpoints:Grpc:Protocols", "Http2"), .. settings], services);

    /// <summary>
    /// On a database the test owns and disposes (a second host on it, or one restarted): the host
    /// leaves it in place when it stops.
    /// </summary>
    public static Task<ServiceHost<TMarker>> StartAsync(string serviceName, TestDatabase database,
        IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? services = null) =>
        StartAsync(serviceName, database, ownsDatabase: false, loopback: false, settings, services);

    private static async Task<ServiceHost<TMarker>> StartAsync(string serviceName, TestDatabase database, bool ownsDatabase, bool loopback,
        IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? services)
    {
        // Many hosts and other test runs share one PostgreSQL server: keep each host's pool small.
        var databaseSettings = database.Settings(serviceName).Select(setting =>
            database.Dialect == DbDialect.Postgres && setting.Key == "ConnectionStrings:" + serviceName
                ? new KeyValuePair<string, string?>(setting.Key, setting.Value + ";Maximum Pool Size=20")
                : setting);
        var factory = new Factory([.. databaseSettings, .. TestTokens.Settings(), new("Logging:LogLevel:Default", "Warning"), .. settings], services);
        var host = new ServiceHost<TMarker>(factory, database, ownsDatabase, loopback);
        try
        {
            if (loopback)
            {
                factory.UseKestrel();
            }

            factory.StartServer(); // migrations run before this returns
            await host.Service<MigrationGate>().WaitAsync(CancellationToken.None);
            host.Address = loopback
                ? new Uri(host.Service<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First())
                : factory.Server.BaseAddress;
            return host;
        }
        catch
        {
            // The start-up failure is what the test sees (a key file the service refuses, say), not
            // the clean-up's: the Program whose Run threw may already have disposed its host.
            try
            {
                await host.DisposeAsync();
            }
            catch (ObjectDisposedException)
            {
                if (ownsDatabase)
                {
                    await database.DisposeAsync();
                }
            }

            throw;
        }
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <param name="token">The bearer token; empty for none.</param>
    /// <param name="options">Further channel options (message size limits); the host sets the handler.</param>
    public GrpcChannel Channel(string token, GrpcChannelOptions? options = null)
    {
        options ??= new GrpcChannelOptions();
        options.HttpHandler = new BearerTokenHandler(token, CreateHandler());
        var channel = GrpcChannel.ForAddress(Address, options);
        lock (channels)
        {
            channels.Add(channel);
        }

        return channel;
    }

    /// <summary>A plain HTTP/1.1 client for the REST facade (JSON transcoding); an empty token sends none.</summary>
    public HttpClient Rest(string token) =>
        loopback
            ? new(new BearerTokenHandler(token, CreateHandler()))
            {
                BaseAddress = Address,
                DefaultRequestVersion = HttpVersion.Version20, // the loopback port speaks h2c only
                DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            }
            : new(new BearerTokenHandler(token, CreateHandler())) { BaseAddress = Address };

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
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }

    private HttpMessageHandler CreateHandler() => loopback ? new SocketsHttpHandler() : factory.Server.CreateHandler();

    private sealed class Factory(IReadOnlyList<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? services)
        : WebApplicationFactory<TMarker>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        }
    }
}
