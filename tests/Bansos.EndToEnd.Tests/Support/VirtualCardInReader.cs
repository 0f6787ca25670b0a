using Bansos.PcSc;
using Bansos.Testing;

namespace Bansos.EndToEnd.Tests.Support;

/// <summary>
/// A virtual aid card (<c>bansos-vcard</c>, its "EEPROM" a state file) that goes into pcscd's
/// virtual reader 0 as a process of its own (<c>bansos-vcard insert</c>) and out again when that
/// process is stopped. Insertion and removal wait until pcscd has seen them.
/// </summary>
public sealed class VirtualCardInReader(EndToEndStack stack, string stateFile) : IAsyncDisposable
{
    public const string ReaderName = "Virtual PCD 00 00";
    private static readonly TimeSpan SeenWithin = TimeSpan.FromSeconds(15);
    private LoggedProcess? inserted;

    public string StateFile { get; } = stateFile;

    public async Task InsertAsync(CancellationToken ct)
    {
        await WaitForReaderAsync(present: false, ct);
        inserted = LoggedProcess.Start("bansos-vcard-insert", Binaries.VirtualCard, ["insert", "--reader", "0", "--state", StateFile], stack.Environment(), stack.Logs.NewFile("bansos-vcard-insert"));
        await inserted.WaitForOutputAsync("Kartu dimasukkan", SeenWithin);
        await WaitForReaderAsync(present: true, ct);
    }

    public async Task RemoveAsync(CancellationToken ct)
    {
        if (inserted is { } running)
        {
            inserted = null;
            await running.DisposeAsync();
        }

        await WaitForReaderAsync(present: false, ct);
    }

    /// <summary><c>bansos-vcard show</c>: what the card holds (no key, no PIN).</summary>
    public Task<ToolRun> ShowAsync(CancellationToken ct) =>
        stack.RunAsync("bansos-vcard-show", Binaries.VirtualCard, ["show", "--state", StateFile], "", ct);

    public async ValueTask DisposeAsync()
    {
        if (inserted is { } running)
        {
            await running.DisposeAsync();
        }
    }

    private static async Task WaitForReaderAsync(bool present, CancellationToken ct)
    {
        using var context = PcScContext.Establish();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(SeenWithin);
        try
        {
            await context.WaitForCardAsync(ReaderName, present, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"pcscd did not report a card {(present ? "in" : "out of")} \"{ReaderName}\" within {SeenWithin.TotalSeconds:0} s");
        }
    }
}
