namespace Bansos.ServiceDefaults.Storage;

/// <summary>Completes when start-up migrations have run, so background work never sees an old schema.</summary>
public sealed class MigrationGate
{
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completed => completion.Task;

    public Task WaitAsync(CancellationToken ct) => completion.Task.WaitAsync(ct);

    internal void Open() => completion.TrySetResult();

    internal void Fail(Exception exception) => completion.TrySetException(exception);
}
