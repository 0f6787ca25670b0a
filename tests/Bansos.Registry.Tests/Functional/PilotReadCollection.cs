using Bansos.Registry.Tests.Support;

namespace Bansos.Registry.Tests.Functional;

/// <summary>The classes that only read the pilot registry share one seeded host.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PilotReadCollection : ICollectionFixture<PilotRegistry>
{
    public const string Name = "pilot registry, read-only";
}
