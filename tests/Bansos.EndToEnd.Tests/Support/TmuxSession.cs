using System.Diagnostics;
using Bansos.Testing;

namespace Bansos.EndToEnd.Tests.Support;

/// <summary>
/// A program in a real terminal: a tmux server of its own (its own socket), one window of a fixed
/// size running the command; keys go in with <c>send-keys</c>, the screen comes out with
/// <c>capture-pane -p</c> (text only, with the scrollback). The command is followed by
/// <c>[exit N]</c> and a pause, so the last screen stays readable after the program ends.
/// </summary>
public sealed class TmuxSession : IAsyncDisposable
{
    private const string Target = "agent";
    private readonly string socket = "bansos-e2e-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string screenLog;

    private TmuxSession(string screenLog) => this.screenLog = screenLog;

    /// <summary>Skips without tmux (fails under CI=true: .ci/servers.sh installs it).</summary>
    public static async Task RequireAsync()
    {
        string? problem;
        try
        {
            var (code, output) = await RunAsync(["-V"]);
            problem = code == 0 ? null : output;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            problem = e.Message;
        }

        if (problem is null)
        {
            return;
        }

        var message = $"tmux is needed for the terminal UI test (apt-get install tmux; .ci/servers.sh installs it): {problem}";
        if (TestServers.IsCi)
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
    }

    public static async Task<TmuxSession> StartAsync(string dll, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, ProcessLogs logs)
    {
        var session = new TmuxSession(logs.NewFile("tmux-screen"));
        var command = $"dotnet {Quote(dll)} {string.Join(' ', arguments.Select(Quote))}; echo \"[exit $?]\"; sleep 600";
        List<string> tmux = ["-L", session.socket, "-f", "/dev/null", "new-session", "-d", "-s", Target, "-x", "110", "-y", "50"];
        foreach (var (key, value) in environment)
        {
            tmux.AddRange(["-e", $"{key}={value}"]);
        }

        tmux.AddRange(["sh", "-c", command]);
        var (code, output) = await RunAsync(tmux);
        return code == 0 ? session : throw new InvalidOperationException($"tmux new-session failed ({code}): {output}");
    }

    /// <summary>Types <paramref name="text"/> literally, then Enter.</summary>
    public async Task TypeLineAsync(string text)
    {
        await Tmux("send-keys", "-t", Target, "-l", text);
        await Tmux("send-keys", "-t", Target, "Enter");
    }

    /// <summary>The whole screen and its scrollback as text.</summary>
    public async Task<string> ScreenAsync()
    {
        var (_, screen) = await RunAsync(["-L", socket, "capture-pane", "-p", "-J", "-S", "-500", "-t", Target]);
        await File.WriteAllTextAsync(screenLog, screen);
        return screen;
    }

    /// <summary>Waits (bounded) until the screen shows <paramref name="text"/>; the screen then.</summary>
    public async Task<string> WaitForAsync(string text, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var screen = await ScreenAsync();
            if (screen.Contains(text, StringComparison.Ordinal))
            {
                return screen;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the terminal did not show \"{text}\" within {timeout.TotalSeconds:0} s; it shows:\n{screen}");
            }

            await Task.Delay(250, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ScreenAsync();
        }
        finally
        {
            await RunAsync(["-L", socket, "kill-server"]);
        }
    }

    private Task Tmux(params string[] arguments) => RunAsync(["-L", socket, .. arguments]);

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static async Task<(int Code, string Output)> RunAsync(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("tmux could not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
