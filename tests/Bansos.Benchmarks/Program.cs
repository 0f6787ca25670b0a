// Benchmarks of the Bansos system; each lives in its own folder and implements IBenchmark.
//   dotnet run -c Release --project tests/Bansos.Benchmarks -- --help
//   dotnet run -c Release --project tests/Bansos.Benchmarks -- <name> [args]
using Bansos.Benchmarks;

var benchmarks = BenchmarkCatalog.Discover(typeof(IBenchmark).Assembly);

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine("Usage: Bansos.Benchmarks <name> [args]   (run in Release)");
    Console.WriteLine();
    var width = benchmarks.Count == 0 ? 0 : benchmarks.Max(b => b.Name.Length);
    foreach (var benchmark in benchmarks)
        Console.WriteLine($"  {benchmark.Name.PadRight(width)}  {benchmark.Description}");
    return args.Length == 0 ? 2 : 0;
}

var selected = benchmarks.FirstOrDefault(b => string.Equals(b.Name, args[0], StringComparison.OrdinalIgnoreCase));
if (selected is null)
{
    Console.Error.WriteLine($"Unknown benchmark '{args[0]}'. Known: {string.Join(", ", benchmarks.Select(b => b.Name))}");
    return 2;
}

#if DEBUG
Console.Error.WriteLine("warning: Debug build; figures for docs/performance.md come from -c Release.");
#endif
return await selected.RunAsync(args[1..]);
