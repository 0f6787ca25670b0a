namespace Bansos.Registry.Tests.Support;

/// <summary>
/// The tests that start registry hosts run one class at a time, after the domain tests: a host is
/// CPU-heavy on a 2-core machine, and the domain's memory test measures the whole process's heap,
/// which hosts running beside it would disturb.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RegistryHostCollection
{
    public const string Name = "registry hosts";
}
