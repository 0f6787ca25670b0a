using Bansos.Testing;

namespace Bansos.SmartCard.Tests.Support;

/// <summary>Holds the machine's virtual readers for this test run (see <see cref="VirtualReaderLock"/>).</summary>
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
