using System.Globalization;

namespace Bansos.Benchmarks;

/// <summary>Median, p90, p99 and max of a set of latencies in milliseconds (nearest-rank percentiles).</summary>
public sealed record LatencySummary(int Count, double Median, double P90, double P99, double Max, double Mean)
{
    public static LatencySummary From(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0) throw new ArgumentException("No samples.", nameof(milliseconds));
        var sorted = milliseconds.Order().ToArray();
        return new(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 99), sorted[^1], sorted.Average());
    }

    private static double Percentile(double[] sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count}  median {Median:F3} ms  p90 {P90:F3} ms  p99 {P99:F3} ms  max {Max:F3} ms  mean {Mean:F3} ms");
}
