using System.Reflection;

namespace Bansos.Benchmarks;

/// <summary>
/// Finds the benchmarks in this assembly: every <see cref="IBenchmark"/>, and, by convention,
/// static classes named <c>XxxBenchmark</c> with <c>public static Task&lt;int&gt; RunAsync(string[])</c>
/// (named <c>xxx</c>), so a benchmark written before the interface existed is not lost.
/// </summary>
internal static class BenchmarkCatalog
{
    public static IReadOnlyList<IBenchmark> Discover(Assembly assembly)
    {
        var found = new List<IBenchmark>();
        foreach (var type in assembly.GetTypes())
        {
            if (type.IsClass && !type.IsAbstract && typeof(IBenchmark).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null)
            {
                found.Add((IBenchmark)Activator.CreateInstance(type)!);
            }
            else if (type is { IsAbstract: true, IsSealed: true, IsPublic: true } && type.Name.EndsWith("Benchmark", StringComparison.Ordinal)
                     && type.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Static, [typeof(string[])]) is { } run
                     && run.ReturnType == typeof(Task<int>))
            {
                found.Add(new StaticBenchmark(type.Name[..^"Benchmark".Length].ToLowerInvariant(), run));
            }
        }
        return [.. found.OrderBy(b => b.Name, StringComparer.Ordinal)];
    }

    private sealed class StaticBenchmark(string name, MethodInfo run) : IBenchmark
    {
        public string Name => name;

        public string Description => $"{run.DeclaringType!.FullName} (no description: implement IBenchmark to add one)";

        public Task<int> RunAsync(string[] args) => (Task<int>)run.Invoke(null, [args])!;
    }
}
