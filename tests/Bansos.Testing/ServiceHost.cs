using Bansos.ServiceDefaults.Storage;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.Testing;

/// <summary>
/// A service as its Program builds it, on a TestServer in the Testing environment, with a database
/// of its own (removed on dispose) or the test's, and the given settings; gRPC channels and REST
/// clients carry a bearer token. <typeparamref name="TMarker"/> is any public class of the service's assembly (two
/// services in one test project cannot both be named by their <c>Program</c>).
/// </summary>
public sealed class ServiceHost<TMarker> : IAsyncDisposable
    where TMarker : class
{
    private readonly Factory factory;
    private readonly List<GrpcChannel> channels = [];
    private readonly bool ownsDatabase;

    private ServiceHost(Factory factory, TestDatabase database, bool ownsDatabase)
    {
        this.factory = factory;
        this.ownsDatabase = ownsDatabase;
        Database = database;
    }

    public TestDatabase Database { get; }

    public IServiceProvider Services => factory.Services;

    /// <param name="serviceName">The connection string's name (<c>ConnectionStrings:&lt;service&gt;</c>).</param>
    /// <param name="settings">
    /// Configuration, applied after the database's, <see cref="TestTokens"/>' and a quiet log level, so
    /// it may replace them (a token issuer of the test's own, say).
    /// </param>
    /// <param name="services">Test replacements (a clock), applied after the service's own registrations.</param>
    public static async Task<ServiceHost<TMarker>> StartAsync(string serviceName, DbDialect dialect,
        IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? services = null) =>
        await StartAsync(serviceName, await TestDatabases.CreateAsync(dialect), ownsDatabase: true, settings, services);

    /// <summary>
    /// On a database the test owns and disposes (a second host on it, or one restarted): the host
    /// leaves it in place when it stops.
    /// </summary>
    public static Task<ServiceHost<TMarker>> StartAsync(string serviceName, TestDatabase database,
        IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? services = null) =>
        StartAsync(serviceName, database, ownsDatabase: false, settings, services);

    private static async Task<ServiceHost<TMarker>> StartAsync(string serviceName, TestDatabase database, bool ownsDatabase,
        IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? services)
    {
        // Many hosts and other test runs share one PostgreSQL server: keep each host's pool small.
        var databaseSettings = database.Settings(serviceName).Select(setting =>
            database.Dialect == DbDialect.Postgres && setting.Key == "ConnectionStrings:" + serviceName
                ? new KeyValuePair<string, string?>(setting.Key, setting.Value + ";Maximum Pool Size=20")
                : setting);
        var factory = new Factory([.. databaseSettings, .. TestTokens.Settings(), new("Logging:LogLevel:Default", "Warning"), .. settings], services);
        var host = new ServiceHost<TMarker>(factory, database, ownsDatabase);
        try
        {
            _ = factory.Server; // starts the host: migrations run before this returns
            await host.Service<MigrationGate>().WaitAsync(CancellationToken.None);
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

    /// <param name="token">The bearer token; empty for none.</param>
    /// <param name="options">Further channel options (message size limits); the host sets the handler.</param>
    public GrpcChannel Channel(string token, GrpcChannelOptions? options = null)
    {
        options ??= new GrpcChannelOptions();
        options.HttpHandler = new BearerTokenHandler(token, factory.Server.CreateHandler());
        var channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, options);
        lock (channels)
        {
            channels.Add(channel);
        }

        return channel;
    }

    /// <summary>A plain HTTP/1.1 client for the REST facade (JSON transcoding); an empty token sends none.</summary>
    public HttpClient Rest(string token) =>
        new(new BearerTokenHandler(token, factory.Server.CreateHandler())) { BaseAddress = factory.Server.BaseAddress };

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
