using System.Collections.Concurrent;
using System.Net.Sockets;
using Npgsql;

namespace Bansos.Testing;

/// <summary>
/// Call at the start of a test that needs a real server. When the server is unreachable the
/// test fails under CI=true (the CI scripts start every server, so that is a real problem) and
/// is skipped with the reason otherwise. Reachability is probed once per process.
/// </summary>
public static class RequiresServer
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string?>>> Probes = new();

    public static Task PostgresAsync() => RequireAsync("PostgreSQL", ProbePostgresAsync,
        $"start it with .ci/servers.sh or set BANSOS_TEST_POSTGRES (now: {Redact(TestServers.Postgres)})");

    public static Task RabbitMqAsync() => RequireAsync("RabbitMQ", ProbeRabbitMqAsync,
        $"start it with .ci/servers.sh or set BANSOS_TEST_RABBITMQ (now: {new Uri(TestServers.RabbitMq).Host}:{PortOf(new Uri(TestServers.RabbitMq))})");

    /// <summary>pcscd with the vsmartcard virtual reader (vpcd listens on TCP 35963).</summary>
    public static Task PcscdAsync() => RequireAsync("pcscd/vpcd", () => ProbeTcpAsync("127.0.0.1", 35963),
        "start it with .ci/servers.sh (needs pcscd and vsmartcard-vpcd)");

    private static async Task RequireAsync(string server, Func<Task<string?>> probe, string hint)
    {
        var problem = await Probes.GetOrAdd(server, _ => new Lazy<Task<string?>>(probe)).Value;
        if (problem is null)
        {
            return;
        }

        var message = $"{server} is unreachable ({problem}); {hint}.";
        if (TestServers.IsCi)
        {
            Assert.Fail($"CI=true and {message}");
        }

        Assert.Skip(message);
    }

    private static async Task<string?> ProbePostgresAsync()
    {
        try
        {
            // A stopped server refuses at once; a busy one (a shared CI machine at load 40) may take
            // more than 5 s to start a backend, which is slow, not unreachable.
            var builder = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Timeout = 30, Pooling = false };
            if (string.IsNullOrEmpty(builder.Database))
            {
                builder.Database = "postgres";
            }

            await using var connection = new NpgsqlConnection(builder.ToString());
            await connection.OpenAsync();
            return null;
        }
        catch (Exception ex)
        {
            return ex.Message;
        }
    }

    private static Task<string?> ProbeRabbitMqAsync()
    {
        var uri = new Uri(TestServers.RabbitMq);
        return ProbeTcpAsync(uri.Host, PortOf(uri));
    }

    private static async Task<string?> ProbeTcpAsync(string host, int port)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.ConnectAsync(host, port, timeout.Token);
            return null;
        }
        catch (Exception ex)
        {
            return ex.Message;
        }
    }

    private static int PortOf(Uri uri) => uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port;

    private static string Redact(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Password = builder.Password is null ? null : "***";
        return builder.ToString();
    }
}
