using System.Reflection;
using Bansos.ServiceDefaults.Storage;
using Xunit.Sdk;
using Xunit.v3;

namespace Bansos.Testing;

/// <summary>
/// Theory data: one row per <see cref="DbDialect"/> (SQLite first, then PostgreSQL), the dialect as
/// the first argument and <paramref name="arguments"/> after it. Storage code must behave the same on
/// both (docs/engineering.md, Tests), so a storage theory names neither: a third dialect would be
/// tested everywhere at once. Each dialect stays a test case of its own, as with one
/// <c>[InlineData(DbDialect.X, ...)]</c> per dialect.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class EveryDialectAttribute(params object?[] arguments) : DataAttribute
{
    public IReadOnlyList<object?> Arguments { get; } = arguments;

    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([.. Enum.GetValues<DbDialect>().Select(dialect => ConvertDataRow((object?[])[dialect, .. Arguments]))]);

    // Enums and the constants an attribute can hold serialize: each row is discovered as its own case.
    public override bool SupportsDiscoveryEnumeration() => true;
}
