namespace Bansos.EndToEnd.Tests.Support;

/// <summary>
/// The programs of this checkout, from their own build output (<c>bin/&lt;Configuration&gt;/net10.0</c>,
/// the configuration this test was built in), run with <c>dotnet &lt;dll&gt;</c> as run-pilot.sh runs them.
/// </summary>
public static class Binaries
{
    public static string Root { get; } = FindRoot();

    public static string Registry => Dll("services/Registry", "Bansos.Registry");

    public static string Payout => Dll("services/Payout", "Bansos.Payout");

    public static string Complaint => Dll("services/Complaint", "Bansos.Complaint");

    public static string Gateway => Dll("gateway/Bansos.Gateway", "Bansos.Gateway");

    public static string Agent => Dll("agent/Bansos.Agent", "bansos-agent");

    public static string VirtualCard => Dll("agent/Bansos.VirtualCard", "Bansos.VirtualCard");

    public static string PcScTool => Dll("agent/Bansos.PcSc/Tool", "bansos-pcsc");

    private static string Dll(string project, string assembly)
    {
        // The test's own folder tells the configuration it was built in (bin/Release/net10.0).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(Root, project, "bin", configuration, "net10.0", assembly + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the solution first ({configuration}): {dll} is missing.", dll);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bansos.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Bansos.sln not found above " + AppContext.BaseDirectory);
    }
}
