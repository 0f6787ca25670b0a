namespace Bansos.Agent.Connection;

/// <summary>
/// The bearer token for a plain h2c address (development and tests only): from the environment
/// variable <c>BANSOS_AGENT_TOKEN</c>, or the file named by <c>BANSOS_AGENT_TOKEN_FILE</c> —
/// never from the command line, where every user of the PC could read it.
/// </summary>
public static class DevelopmentToken
{
    public const string Variable = "BANSOS_AGENT_TOKEN";
    public const string FileVariable = "BANSOS_AGENT_TOKEN_FILE";

    public static string? Read()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } token) return token.Trim();
        if (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } file && File.Exists(file))
            return File.ReadAllText(file).Trim() is { Length: > 0 } fromFile ? fromFile : null;
        return null;
    }
}
