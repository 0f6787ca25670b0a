namespace Bansos.Testing;

/// <summary>Where the real servers of the tests are (see docs/engineering.md, "Tests").</summary>
public static class TestServers
{
    public const string DefaultPostgres = "Host=127.0.0.1;Username=bansos;Password=bansos";
    public const string DefaultRabbitMq = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>Administrative connection string (no database named, or the one given).</summary>
    public static string Postgres => Environment.GetEnvironmentVariable("BANSOS_TEST_POSTGRES") is { Length: > 0 } value ? value : DefaultPostgres;

    public static string RabbitMq => Environment.GetEnvironmentVariable("BANSOS_TEST_RABBITMQ") is { Length: > 0 } value ? value : DefaultRabbitMq;

    /// <summary>Under CI a missing server is a failure, never a skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
