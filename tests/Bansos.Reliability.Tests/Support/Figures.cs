namespace Bansos.Reliability.Tests.Support;

/// <summary>
/// Figures a fault test observed (never asserted: timings on a shared two-core machine are noise
/// for a test). Sent to the test's diagnostics and appended to $TMPDIR/bansos-reliability-figures.txt,
/// where docs/reliability.md's figures come from.
/// </summary>
public static class Figures
{
    public static string File { get; } = Path.Combine(Path.GetTempPath(), "bansos-reliability-figures.txt");

    public static void Record(string figure)
    {
        var line = $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z {figure}";
        TestContext.Current.SendDiagnosticMessage(line);
        lock (File)
        {
            System.IO.File.AppendAllText(File, line + Environment.NewLine);
        }
    }
}
