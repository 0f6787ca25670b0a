using System.Diagnostics;
using System.Text.Json;
using Bansos.Testing;

namespace Bansos.EndToEnd.Tests.Support;

/// <summary>
/// One run of a command-line program (<c>bansos-agent</c>, <c>bansos-pcsc</c>, <c>bansos-vcard</c>):
/// arguments, standard input (PINs, codes: never arguments), a time limit, and what it printed —
/// also kept in its own log file.
/// </summary>
public sealed record ToolRun(string Name, int ExitCode, string Output, string Error, string LogFile)
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>The JSON answer of <c>--json</c> mode.</summary>
    public JsonElement Json
    {
        get
        {
            try
            {
                return JsonDocument.Parse(Output).RootElement;
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"{Name} did not answer JSON ({e.Message}): exit {ExitCode}\n{Output}\n{Error}", e);
            }
        }
    }

    public override string ToString() => $"{Name}: exit {ExitCode}\n{Output}\n{Error}";

    public static async Task<ToolRun> RunAsync(
        string name, string dll, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string input, ProcessLogs logs,
        CancellationToken cancellationToken)
    {
        var start = LoggedProcess.DotnetStartInfo(dll, arguments, environment);
        var logFile = logs.NewFile(name);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await File.WriteAllTextAsync(logFile, $"$ {name} {string.Join(' ', arguments)}\n(killed after {Limit.TotalSeconds:0} s)\n", CancellationToken.None);
            throw new TimeoutException($"{name} {string.Join(' ', arguments)} did not end within {Limit.TotalSeconds:0} s");
        }

        var run = new ToolRun(name, process.ExitCode, await output, await error, logFile);
        await File.WriteAllTextAsync(logFile, $"$ {name} {string.Join(' ', arguments)}\n{run.Output}\n{run.Error}\nexit {run.ExitCode}\n", CancellationToken.None);
        return run;
    }
}
