namespace Bansos.PcSc.Tool;

/// <summary><c>--name value</c> pairs; every option takes a value.</summary>
internal sealed class CommandLineOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static CommandLineOptions Parse(ReadOnlySpan<string> args)
    {
        var options = new CommandLineOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                throw new UsageException($"Argumen tidak dikenal: {arg} (unexpected argument)");
            if (i + 1 >= args.Length)
                throw new UsageException($"{arg} perlu nilai (needs a value)");
            options._values[arg[2..]] = args[++i];
        }
        return options;
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new UsageException($"--{name} wajib diisi (is required)");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public void AllowOnly(params string[] names)
    {
        foreach (var name in _values.Keys)
            if (!names.Contains(name)) throw new UsageException($"Opsi tidak dikenal: --{name} (unknown option)");
    }
}
