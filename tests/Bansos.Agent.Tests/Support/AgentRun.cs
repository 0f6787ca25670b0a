using System.Text.Json;
using Bansos.Agent.Cli;
using Spectre.Console.Testing;

namespace Bansos.Agent.Tests.Support;

/// <summary>Runs the agent's real command line in process: JSON mode with standard input given, or the Spectre UI on a TestConsole.</summary>
internal static class AgentRun
{
    public sealed record Result(int ExitCode, string Output, TestConsole Console)
    {
        public JsonElement Json => JsonDocument.Parse(Output).RootElement;
    }

    public static async Task<Result> RunAsync(string token, string input, TestConsole? console, params string[] args)
    {
        console ??= new TestConsole();
        var output = new StringWriter();
        var io = new AgentIo(console, output, new StringReader(input), new StringWriter())
        {
            DevelopmentToken = () => token,
            RetryDelay = _ => TimeSpan.FromMilliseconds(50),
        };
        var code = await AgentCli.RunAsync(args, io, TestContext.Current.CancellationToken);
        return new Result(code, output.ToString(), console);
    }
}
