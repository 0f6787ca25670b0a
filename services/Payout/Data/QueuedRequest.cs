namespace Bansos.Payout.Data;

/// <summary>
/// A request waiting in a batching loop's queue (<see cref="BatchLoops{T}"/>), answered
/// once: with its result, a failure, or as cancelled when its caller gave up before a loop took it.
/// </summary>
public abstract class QueuedRequest<TResult>(CancellationToken ct) : IQueuedRequest
{
    private readonly TaskCompletionSource<TResult> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CancellationToken CancellationToken { get; } = ct;

    public Task<TResult> Task => completion.Task;

    public void Complete(TResult result) => completion.TrySetResult(result);

    public void Fail(Exception exception) => completion.TrySetException(exception);

    public bool TryCancelIfRequested() => CancellationToken.IsCancellationRequested && completion.TrySetCanceled(CancellationToken);
}
