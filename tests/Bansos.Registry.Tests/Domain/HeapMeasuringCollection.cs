namespace Bansos.Registry.Tests.Domain;

/// <summary>
/// Tests that measure the managed heap (GC.GetTotalMemory counts every thread's allocations) run
/// alone: beside other tests of the assembly they would measure those too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasuringCollection
{
    public const string Name = "heap-measuring";
}
