using Polly;
using Polly.Retry;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// The one retry policy for transient database failures (SQLite busy/locked, PostgreSQL 40001 and
/// 40P01 — what <see cref="IDatabase.IsTransientFailure"/> says): the whole unit of work runs
/// again on a fresh connection, up to five more times, with jittered exponential back-off from
/// 10 ms so that two retrying writers drift apart. Every <see cref="IDbSessions"/> write (and so every inbox
/// consumer) uses it, and a <see cref="CommitWindow"/> for its BEGIN: storage has no second retry loop.
/// </summary>
public static class TransientRetry
{
    /// <summary>Attempts in all, the first included (the write sessions' and the commit window's BEGIN alike).</summary>
    public const int MaxAttempts = 6;

    public static ResiliencePipeline For(IDatabase database, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var builder = new ResiliencePipelineBuilder();
        if (time is not null)
        {
            builder.TimeProvider = time;
        }

        return builder
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(database.IsTransientFailure),
                MaxRetryAttempts = MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(10),
                MaxDelay = TimeSpan.FromSeconds(1),
            })
            .Build();
    }
}
