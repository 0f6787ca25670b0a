using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Bansos.Benchmarks;

/// <summary>
/// Which types a run allocates most, from the runtime's AllocationTick events (one per ~100 KB
/// allocated, naming the type that crossed the mark): BENCH_ALLOCATIONS=1 prints the top 25.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> bytesByType = new();

    public static AllocationSampler? StartIfAsked() =>
        Environment.GetEnvironmentVariable("BENCH_ALLOCATIONS") is "1" ? new AllocationSampler() : null;

    public void Print(TextWriter output)
    {
        var total = bytesByType.Values.Sum();
        output.WriteLine($"allocations sampled: {total / (1024 * 1024)} MB");
        foreach (var (type, bytes) in bytesByType.OrderByDescending(p => p.Value).Take(25))
        {
            output.WriteLine($"  {bytes * 100.0 / total,5:F1}% {bytes / (1024 * 1024),6} MB  {type}");
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }

        var type = eventData.PayloadNames?.IndexOf("TypeName") is >= 0 and var t ? eventData.Payload[t] as string : null;
        var amount = eventData.PayloadNames?.IndexOf("AllocationAmount64") is >= 0 and var a ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        bytesByType.AddOrUpdate(type ?? "?", amount, (_, v) => v + amount);
    }
}
