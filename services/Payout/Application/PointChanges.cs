namespace Bansos.Payout.Application;

/// <summary>
/// Signals that a distribution point or terminal changed in this instance, after its commit, so
/// that <see cref="PointAdministration.WatchAsync"/> sends the new list at once: the gateway
/// refuses a disabled terminal within moments without polling (docs/decisions.md D93).
/// </summary>
public sealed class PointChanges
{
    private TaskCompletionSource changed = NewSignal();

    /// <summary>Completes at the next change; take it before reading, so a change during the read is not missed.</summary>
    public Task NextChange => Volatile.Read(ref changed).Task;

    public void Notify() => Interlocked.Exchange(ref changed, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
