namespace Bansos.EndToEnd.Tests.Support;

/// <summary>
/// <c>bansos-agent</c> enrolled as one terminal of a distribution point: its own data folder
/// (key, certificate, gateway CA, agent.json), talking to the gateway over mutual TLS.
/// </summary>
public sealed record EnrolledAgent(EndToEndStack Stack, string DataFolder, long TerminalId, long PointId, string PointName)
{
    /// <summary><c>pay --json</c> with the PIN attempts on standard input, one per line.</summary>
    public Task<ToolRun> PayAsync(string pins, CancellationToken ct, params string[] more) =>
        Stack.RunAsync("bansos-agent-pay", Binaries.Agent,
            ["pay", "--json", "--data", DataFolder, "--reader", VirtualCardInReader.ReaderName, "--wait", "30", .. more], pins, ct);

    /// <summary>Arguments for the interactive agent in a terminal.</summary>
    public IReadOnlyList<string> InteractivePay() => ["pay", "--once", "--data", DataFolder, "--reader", VirtualCardInReader.ReaderName];
}
