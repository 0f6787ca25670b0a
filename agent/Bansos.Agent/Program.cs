// bansos-agent: the program at the posko / e-Warong counter (docs/agent.md).
using Bansos.Agent.Cli;

return await AgentCli.RunAsync(args, AgentIo.FromSystemConsole());
