using System.Diagnostics;

namespace Bansos.SmartCard.Tests.Unit;

/// <summary>
/// pcscd not running, for real: pcsc-lite reads its socket path from PCSCLITE_CSOCK_NAME once per
/// process, so the bansos-pcsc tool runs as a child process pointed at a socket that does not exist.
/// </summary>
public sealed class NoServiceTests
{
    [Fact(Timeout = 60_000)]
    public async Task Tool_reports_the_service_is_not_running()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "PCSCLITE_CSOCK_NAME is a pcsc-lite (Linux) setting.");
        var tool = Path.Combine(AppContext.BaseDirectory, "bansos-pcsc.dll");
        Assert.True(File.Exists(tool), $"{tool} is missing: the test project references the tool.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(tool);
        start.ArgumentList.Add("readers");
        start.Environment["PCSCLITE_CSOCK_NAME"] = Path.Combine(Path.GetTempPath(), "bansos-no-pcscd-" + Guid.NewGuid().ToString("N"));

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("Layanan kartu pintar (pcscd) tidak berjalan", await stderr);
    }
}
