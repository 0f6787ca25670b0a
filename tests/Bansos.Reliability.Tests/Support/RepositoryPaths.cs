namespace Bansos.Reliability.Tests.Support;

/// <summary>Where the services' build output is: services/&lt;Service&gt;/bin/&lt;Configuration&gt;/net10.0 of this checkout.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ServiceDll(string service)
    {
        var folder = service switch
        {
            "registry" => "Registry",
            "payout" => "Payout",
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
        };
        // The test's own folder tells the configuration it was built in (bin/Release/net10.0).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(Root, "services", folder, "bin", configuration, "net10.0", $"Bansos.{folder}.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the solution first: {dll} is missing.", dll);
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
