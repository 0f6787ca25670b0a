using Bansos.Agent.Cli;

namespace Bansos.Agent;

/// <summary>bansos-agent: the program at the posko / e-Warong counter (docs/agent.md).</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => AgentCli.RunAsync(args, AgentIo.FromSystemConsole());
}
