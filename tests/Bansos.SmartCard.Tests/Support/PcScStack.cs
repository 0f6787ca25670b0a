using Bansos.PcSc;
using Bansos.VirtualCard.Vpcd;

namespace Bansos.SmartCard.Tests.Support;

/// <summary>
/// The real stack the card tests run on: pcscd with vpcd's two virtual readers. When it is not
/// there the test fails under CI=true (CI must have it: .ci/servers.sh starts it) and is skipped
/// with the reason otherwise, never passed silently.
/// </summary>
internal static class PcScStack
{
    /// <summary>Bound for every wait on pcscd (insertion, removal, a card answer).</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(10);

    public static string Reader(int index) => VirtualCardHost.ReaderNameFor(index);

    private static readonly Lazy<string?> Problem = new(Probe);

    /// <summary>Fails or skips the current test when pcscd or the virtual readers are missing.</summary>
    public static void Require()
    {
        if (Problem.Value is not { } problem) return;
        var message = $"pcscd with vsmartcard-vpcd is needed for this test (run .ci/servers.sh): {problem}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message);
        Assert.Skip(message);
    }

    private static string? Probe()
    {
        try
        {
            using var context = PcScContext.Establish();
            var readers = context.ListReaders();
            foreach (var reader in new[] { Reader(0), Reader(1) })
                if (!readers.Contains(reader)) return $"reader \"{reader}\" not found (readers: {string.Join(", ", readers)})";
            return null;
        }
        catch (Exception e) when (e is PcScException or PlatformNotSupportedException or DllNotFoundException)
        {
            return e.Message;
        }
    }

    /// <summary>Waits, bounded, until pcscd reports the reader with or without a card.</summary>
    public static async Task WaitForCardAsync(int readerIndex, bool present, CancellationToken cancellationToken = default)
    {
        using var context = PcScContext.Establish();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, TestContext.Current.CancellationToken);
        timeout.CancelAfter(WaitTimeout);
        try
        {
            await context.WaitForCardAsync(Reader(readerIndex), present, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"pcscd did not report the card {(present ? "inserted into" : "removed from")} \"{Reader(readerIndex)}\" within {WaitTimeout.TotalSeconds} s.");
        }
    }
}
