using Bansos.Agent.Messages;

namespace Bansos.Agent.Configuration;

/// <summary>
/// What the agent runs with: its data folder, the gateway, the reader, the language, the point's
/// name for receipts and training mode. Read from <c>agent.json</c> in the data folder; command-line
/// options override it. Secrets are never here (the key and certificate are files of their own,
/// a development token comes from the environment).
/// </summary>
public sealed record AgentSettings
{
    public required string DataFolder { get; init; }

    /// <summary><c>https://…</c>: mutual TLS with the enrolled certificate; <c>http://…</c>: h2c with a development token.</summary>
    public Uri? Gateway { get; init; }

    public string? Reader { get; init; }

    public Language Language { get; init; } = Language.Indonesian;

    public string PointName { get; init; } = "";

    public bool Training { get; init; }

    /// <summary>The Kemendagri code of the point's village: where a walk-in complaint is filed.</summary>
    public string? Village { get; init; }

    public string ConfigFile => Path.Combine(DataFolder, "agent.json");
}
