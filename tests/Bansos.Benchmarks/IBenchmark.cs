namespace Bansos.Benchmarks;

/// <summary>
/// One benchmark the program can run: <c>dotnet run -c Release --project tests/Bansos.Benchmarks -- NAME [args]</c>.
/// Implementations are found by reflection (a public non-abstract class with a parameterless
/// constructor), so adding one means adding a class, nothing else.
/// </summary>
public interface IBenchmark
{
    /// <summary>The first command-line argument that selects it, e.g. <c>card</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>--help</c>: what is measured, against what baseline.</summary>
    string Description { get; }

    /// <summary>Runs it with the remaining arguments; returns the process exit code.</summary>
    Task<int> RunAsync(string[] args);
}
