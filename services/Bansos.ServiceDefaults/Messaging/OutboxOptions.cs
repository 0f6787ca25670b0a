using System.ComponentModel.DataAnnotations;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>
/// <c>Bansos:Outbox:*</c> settings (and <c>Bansos:Inbox:Retention</c>), checked at start-up: a zero
/// batch or in-flight count would stall the relay silently.
/// </summary>
public sealed record OutboxOptions
{
    public const string Section = "Bansos:Outbox";

    /// <summary>Off in a host that must only write (tests of crash recovery, one-off tools).</summary>
    public bool RelayEnabled { get; init; } = true;

    /// <summary>Rows read per batch; on PostgreSQL the relay's transaction stays open while they are published.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; init; } = 500;

    /// <summary>
    /// Publishes awaiting the broker's confirm at once. 1 publishes strictly in id order (one confirm
    /// round trip per event, about a hundred per second); more lets later rows of a batch overtake earlier ones.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxInFlight { get; init; } = 100;

    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")]
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one publish may wait for the broker's confirm before the batch is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")]
    public TimeSpan PublishTimeout { get; init; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")]
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")]
    public TimeSpan SentRetention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Must outlast any redelivery of a message, or a very late duplicate would be applied again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")]
    public TimeSpan CleanupInterval { get; init; } = TimeSpan.FromMinutes(10);
}
