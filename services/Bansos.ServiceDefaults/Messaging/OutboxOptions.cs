using Microsoft.Extensions.Configuration;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary><c>Bansos:Outbox:*</c> and <c>Bansos:Inbox:*</c> settings.</summary>
public sealed record OutboxOptions
{
    /// <summary>Off in a host that must only write (tests of crash recovery, one-off tools).</summary>
    public bool RelayEnabled { get; init; } = true;

    /// <summary>Rows read per batch; on PostgreSQL the relay's transaction stays open while they are published.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>
    /// Publishes awaiting the broker's confirm at once. 1 publishes strictly in id order (one confirm
    /// round trip per event, about a hundred per second); more lets later rows of a batch overtake earlier ones.
    /// </summary>
    public int MaxInFlight { get; init; } = 100;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one publish may wait for the broker's confirm before the batch is retried.</summary>
    public TimeSpan PublishTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan SentRetention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Must outlast any redelivery of a message, or a very late duplicate would be applied again.</summary>
    public TimeSpan InboxRetention { get; init; } = TimeSpan.FromDays(30);

    public TimeSpan CleanupInterval { get; init; } = TimeSpan.FromMinutes(10);

    public static OutboxOptions From(IConfiguration configuration)
    {
        var outbox = configuration.GetSection("Bansos:Outbox");
        var inbox = configuration.GetSection("Bansos:Inbox");
        var defaults = new OutboxOptions();
        var options = new OutboxOptions
        {
            RelayEnabled = outbox.GetValue("RelayEnabled", defaults.RelayEnabled),
            BatchSize = outbox.GetValue("BatchSize", defaults.BatchSize),
            MaxInFlight = outbox.GetValue("MaxInFlight", defaults.MaxInFlight),
            PollInterval = outbox.GetValue("PollInterval", defaults.PollInterval),
            PublishTimeout = outbox.GetValue("PublishTimeout", defaults.PublishTimeout),
            MaxBackoff = outbox.GetValue("MaxBackoff", defaults.MaxBackoff),
            SentRetention = outbox.GetValue("SentRetention", defaults.SentRetention),
            CleanupInterval = outbox.GetValue("CleanupInterval", defaults.CleanupInterval),
            InboxRetention = inbox.GetValue("Retention", defaults.InboxRetention),
        };
        // A zero would stall the relay silently; say so at start-up instead.
        if (options.BatchSize < 1 || options.MaxInFlight < 1)
        {
            throw new InvalidOperationException("Bansos:Outbox:BatchSize and Bansos:Outbox:MaxInFlight must be at least 1.");
        }

        return options;
    }
}
