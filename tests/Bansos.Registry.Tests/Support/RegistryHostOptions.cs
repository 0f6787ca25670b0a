using Bansos.ServiceDefaults.Storage;

namespace Bansos.Registry.Tests.Support;

/// <summary>How a <see cref="RegistryFactory"/> host is set up.</summary>
public sealed record RegistryHostOptions
{
    /// <summary>SQLite in a temporary folder (default) or a fresh PostgreSQL database.</summary>
    public DbDialect Dialect { get; init; } = DbDialect.Sqlite;

    /// <summary>Load the 707 pilot households and issue their cards (<c>Bansos:Pilot:Seed</c>) before the tests start.</summary>
    public bool Seed { get; init; }

    /// <summary>
    /// Publish the outbox to the real RabbitMQ (the test requires it, start-up waits for the bus).
    /// Off by default: the outbox is still written, but the relay idles and RabbitMQ is not needed.
    /// </summary>
    public bool Relay { get; init; }

    /// <summary><c>Bansos:Registry:MaxUploadBytes</c>; null keeps the service's default (100 MB).</summary>
    public long? MaxUploadBytes { get; init; }

    /// <summary>A database the test owns (e.g. to restart a host on it); null: the host makes and drops its own.</summary>
    public Bansos.Testing.TestDatabase? Database { get; init; }

    /// <summary>Anything else, applied last.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public static RegistryHostOptions Empty { get; } = new();

    public static RegistryHostOptions Pilot { get; } = new() { Seed = true };
}
