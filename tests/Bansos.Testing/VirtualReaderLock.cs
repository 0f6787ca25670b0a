namespace Bansos.Testing;

/// <summary>
/// pcscd's two virtual readers exist once per machine, while <c>dotnet test --solution</c> runs
/// test projects in parallel. Every project that inserts virtual cards (SmartCard, Agent) holds
/// this lock for its run, so two projects never put cards into the same reader at once.
/// The lock is an exclusive open of one file: the OS releases it if a test process dies.
/// </summary>
public static class VirtualReaderLock
{
    public static readonly string LockFile = Path.Combine(Path.GetTempPath(), "bansos-virtual-readers.lock");

    /// <summary>Waits (bounded) for the readers; dispose the result to release them.</summary>
    public static async Task<IDisposable> AcquireAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }
}
