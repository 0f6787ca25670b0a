using System.CommandLine;

namespace Bansos.Agent.Cli;

/// <summary>Options every command takes (System.CommandLine recursive options).</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Folder data agen (agent's data folder); default: BANSOS_AGENT_DATA or the user's application data",
        Recursive = true,
    };

    public static readonly Option<string?> Gateway = new("--gateway")
    {
        Description = "Alamat gateway (gateway address), e.g. https://gateway:5443; saved by enroll",
        Recursive = true,
    };

    public static readonly Option<string?> Reader = new("--reader")
    {
        Description = "Nama pembaca kartu (card reader name); default: the first reader",
        Recursive = true,
    };

    public static readonly Option<string?> Lang = new("--lang")
    {
        Description = "Bahasa (language): id (default) or en",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Tanpa tanya-jawab, keluaran JSON (non-interactive, JSON output, exit codes in docs/agent.md)",
        Recursive = true,
    };

    static GlobalOptions() => Lang.AcceptOnlyFromAmong("id", "en");
}
