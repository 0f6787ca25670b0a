using Bansos.ServiceDefaults.Storage;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.Testing;

/// <summary>
/// A service as its Program builds it, on a TestServer in the Testing environment, with a database
/// of its own (removed on dispose) and the given settings; gRPC channels and REST clients carry a
/// bearer token. <typeparamref name="TMarker"/> is any public class of the service's assembly (two
/// services in one test project cannot both be named by their <c>Program</c>).
/// </summary>
public sealed class ServiceHost<TMarker> : IAsyncDisposable
    where TMarker : class
{
    private readonly Factory factory;
    private readonly List<GrpcChannel> channels = [];

    private ServiceHost(Factory factory, TestDatabase database)
    {
        this.factory = factory;
        Database = database;
    }

    public TestDatabase Database { get; }

    public IServiceProvider Services => factory.Services;

    /// <param name="serviceName">The connection string's name (<c>ConnectionStrings:&lt;service&gt;</c>).</param>
    /// <param name="settings">Configuration, applied after the database's.</param>
    /// <param name="services">Test replacements (a clock), applied after the service's own registrations.</param>
    public static async Task<ServiceHost<TMarker>> StartAsync(string serviceName, DbDialect dialect,
        IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabases.CreateAsync(dialect);
        // Many hosts and other test runs share one PostgreSQL server: keep each host's pool small.
        var databaseSettings = database.Settings(serviceName).Select(setting =>
            dialect == DbDialect.Postgres && setting.Key == "ConnectionStrings:" + serviceName
                ? new KeyValuePair<string, string?>(setting.Key, setting.Value + ";Maximum Pool Size=20")
                : setting);
        var factory = new Factory([.. databaseSettings, .. TestTokens.Settings(), new("Logging:LogLevel:Default", "Warning"), .. settings], services);
        var host = new ServiceHost<TMarker>(factory, database);
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

    /// <summary>A plain HTTP/1.1 client for the REST facade (JSON transcoding).</summary>
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
        await Database.DisposeAsync();
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
