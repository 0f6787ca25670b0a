using System.Collections.Concurrent;
using System.Text;

namespace Bansos.EndToEnd.Tests.Support;

/// <summary>
/// The log file of every process the stack started (services, gateway, virtual card, each tool and
/// agent run), so a failure can say what each of them said last.
/// </summary>
public sealed class ProcessLogs(string folder)
{
    private readonly ConcurrentQueue<(string Name, string File)> files = new();
    private int counter;

    public string Folder { get; } = folder;

    /// <summary>A new log file for <paramref name="name"/> (numbered, so a second run does not overwrite the first).</summary>
    public string NewFile(string name)
    {
        var file = Path.Combine(Folder, $"{Interlocked.Increment(ref counter):D3}-{name}.log");
        files.Enqueue((name, file));
        return file;
    }

    /// <summary>The last <paramref name="lines"/> lines of each log (stack frames left out), newest process last.</summary>
    public string Tails(int lines = 15)
    {
        var text = new StringBuilder();
        foreach (var (name, file) in files)
        {
            text.Append("\n----- ").Append(name).Append(" (").Append(file).Append(") -----\n");
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                // Stack frames left out: the exception's message says more in a tail (the file has them).
                text.AppendJoin('\n', reader.ReadToEnd().TrimEnd().Split('\n')
                    .Where(line => !line.TrimStart().StartsWith("at ", StringComparison.Ordinal)).TakeLast(lines));
            }
            catch (IOException e)
            {
                text.Append("(no log: ").Append(e.Message).Append(')');
            }
        }

        return text.ToString();
    }
}
