using Microsoft.Extensions.Configuration;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary><c>Bansos:Outbox:*</c> and <c>Bansos:Inbox:*</c> settings.</summary>
public sealed record OutboxOptions
{
    /// <summary>Off in a host that must only write (tests of crash recovery, one-off tools).</summary>
    public bool RelayEnabled { get; init; } = true;

    public int BatchSize { get; init; } = 100;

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
        return new OutboxOptions
        {
            RelayEnabled = outbox.GetValue("RelayEnabled", defaults.RelayEnabled),
            BatchSize = outbox.GetValue("BatchSize", defaults.BatchSize),
            PollInterval = outbox.GetValue("PollInterval", defaults.PollInterval),
            PublishTimeout = outbox.GetValue("PublishTimeout", defaults.PublishTimeout),
            MaxBackoff = outbox.GetValue("MaxBackoff", defaults.MaxBackoff),
            SentRetention = outbox.GetValue("SentRetention", defaults.SentRetention),
            CleanupInterval = outbox.GetValue("CleanupInterval", defaults.CleanupInterval),
            InboxRetention = inbox.GetValue("Retention", defaults.InboxRetention),
        };
    }
}
