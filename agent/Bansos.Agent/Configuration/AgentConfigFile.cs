using System.Text.Json;
using Bansos.Agent.Storage;

namespace Bansos.Agent.Configuration;

/// <summary><c>agent.json</c>: <c>{ "gateway": "https://…", "reader": "…", "language": "id", "point": "Posko Urai", "training": false, "village": "17.03.12.2001" }</c>.</summary>
public sealed record AgentConfigFile(string? Gateway, string? Reader, string? Language, string? Point, bool? Training, string? Village = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static AgentConfigFile Load(string path)
    {
        if (!File.Exists(path)) return new(null, null, null, null, null);
        try
        {
            return JsonSerializer.Deserialize<AgentConfigFile>(File.ReadAllBytes(path), Json) ?? new(null, null, null, null, null);
        }
        catch (JsonException e)
        {
            throw new AgentSetupException(Messages.Notice.Error(Messages.Msg.DataFolderProblem, path, "agent.json"), e);
        }
    }

    public void Save(string path) => PrivateFiles.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(this, Json));
}
