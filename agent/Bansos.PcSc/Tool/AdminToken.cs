namespace Bansos.PcSc.Tool;

/// <summary>
/// The admin token for IssuerKeyService: from <c>BANSOS_ADMIN_TOKEN</c>, or the file named by
/// <c>BANSOS_ADMIN_TOKEN_FILE</c> — never a command-line argument, which other users can read.
/// </summary>
internal static class AdminToken
{
    public const string Variable = "BANSOS_ADMIN_TOKEN";
    public const string FileVariable = "BANSOS_ADMIN_TOKEN_FILE";

    public static string Read()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } token) return token.Trim();
        if (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } file)
        {
            if (!File.Exists(file)) throw new UsageException($"{FileVariable}: berkas tidak ada (file not found): {file}");
            if (File.ReadAllText(file).Trim() is { Length: > 0 } fromFile) return fromFile;
        }
        throw new UsageException($"Token admin diperlukan di {Variable} atau berkas {FileVariable} (an admin token is needed in {Variable} or the file {FileVariable}).");
    }
}
