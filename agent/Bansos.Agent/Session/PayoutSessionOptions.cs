namespace Bansos.Agent.Session;

/// <summary>How a payout session behaves around the card and the gateway.</summary>
public sealed record PayoutSessionOptions
{
    /// <summary>The service point's name for receipts (from the agent's configuration).</summary>
    public string PointName { get; init; } = "";

    public bool Training { get; init; }

    /// <summary>How long to wait for a card; null: until cancelled (the interactive loop).</summary>
    public TimeSpan? CardWait { get; init; }

    /// <summary>Wait between failed sends of the same payout (attempt 1, 2, ...).</summary>
    public Func<int, TimeSpan> RetryDelay { get; init; } = attempt => TimeSpan.FromSeconds(Math.Min(10, 1 << Math.Min(attempt - 1, 4)));

    /// <summary>Wait between checks while pcscd or the reader is missing.</summary>
    public TimeSpan ReaderRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Sends of a card refusal before giving up (it is reported to the posko by hand then).</summary>
    public int RefusalAttempts { get; init; } = 3;
}
