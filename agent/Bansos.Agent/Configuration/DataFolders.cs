namespace Bansos.Agent.Configuration;

/// <summary>Where the agent keeps its key, certificate, configuration, pending payout and receipts.</summary>
public static class DataFolders
{
    public const string Variable = "BANSOS_AGENT_DATA";

    /// <summary><c>--data</c>, else <c>BANSOS_AGENT_DATA</c>, else the user's own application data folder.</summary>
    public static string Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option)) return Path.GetFullPath(option);
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment) return Path.GetFullPath(fromEnvironment);
        var root = OperatingSystem.IsWindows()
            ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(root, "bansos-agent");
    }
}
