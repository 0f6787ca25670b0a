namespace Bansos.Testing;

/// <summary>
/// Holds the machine's virtual readers for this test run (see <see cref="VirtualReaderLock"/>): the
/// assembly fixture of every project that inserts virtual cards.
/// </summary>
public sealed class VirtualReadersFixture : IAsyncLifetime
{
    private IDisposable? @lock;

    public async ValueTask InitializeAsync() => @lock = await VirtualReaderLock.AcquireAsync(TimeSpan.FromMinutes(10));

    public ValueTask DisposeAsync()
    {
        @lock?.Dispose();
        return ValueTask.CompletedTask;
    }
}
