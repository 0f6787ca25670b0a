using System.Diagnostics;
using System.Net;

namespace Bansos.Testing;

/// <summary>
/// A long-running program (a service, the gateway, a virtual card in its reader) started with
/// <c>dotnet &lt;dll&gt;</c>, its standard output and error in its own log file: the one process
/// helper of the end-to-end and reliability tests.
/// </summary>
public sealed class LoggedProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private LoggedProcess(string name, Process process, StreamWriter log, string logFile)
    {
        Name = name;
        this.process = process;
        this.log = log;
        LogFile = logFile;
    }

    public string Name { get; }

    public string LogFile { get; }

    public bool HasExited => process.HasExited;

    /// <param name="logFile">A new file for its output (overwritten if it exists).</param>
    public static LoggedProcess Start(string name, string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        var start = DotnetStartInfo(dll, arguments, environment);
        var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new LoggedProcess(name, process, log, logFile);
    }

    /// <summary><c>dotnet &lt;dll&gt; arguments</c> with <paramref name="environment"/> added and its standard streams redirected (a one-shot tool run too).</summary>
    public static ProcessStartInfo DotnetStartInfo(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>Waits (bounded) until <paramref name="url"/> answers 200; fails early if the process ends.</summary>
    public async Task WaitReadyAsync(Uri url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        await WaitAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync(url);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false; // not listening yet
            }
        }, timeout, $"{url} answering 200");
    }

    /// <summary>Waits (bounded) until the process has written <paramref name="text"/> to its log.</summary>
    public Task WaitForOutputAsync(string text, TimeSpan timeout) =>
        WaitAsync(() => Task.FromResult(ReadLog().Contains(text, StringComparison.Ordinal)), timeout, $"\"{text}\" in its output");

    public string ReadLog()
    {
        lock (log)
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>The last <paramref name="lines"/> lines of its log, for a failure message.</summary>
    public string Tail(int lines = 15)
    {
        try
        {
            return string.Join('\n', ReadLog().TrimEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>kill -9 (SIGKILL): no shutdown hook runs, nothing is flushed.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    /// <summary>SIGTERM (a virtual card leaves its reader, a service shuts down), then SIGKILL after 10 s.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }

    private async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (process.HasExited)
            {
                process.WaitForExit(); // until its last output lines are in the log
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode} while waiting for {what}; see {LogFile}:\n{Tail()}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name}: no {what} within {timeout.TotalSeconds:0} s; see {LogFile}:\n{Tail()}");
            }

            await Task.Delay(200);
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
