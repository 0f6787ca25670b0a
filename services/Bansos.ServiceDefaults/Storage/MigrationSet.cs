using System.Reflection;
using System.Text.RegularExpressions;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>Finds migrations embedded as resources named <c>*.Data.Migrations.NNNN_name.sql</c>.</summary>
public static partial class MigrationSet
{
    /// <summary>The scope of ServiceDefaults' own tables (outbox, inbox, audit log).</summary>
    public const string ServiceDefaultsScope = "bansos.servicedefaults";

    public static IReadOnlyList<Migration> FromAssembly(Assembly assembly, string scope)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Resource {resource} cannot be read.");
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(
                scope,
                int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd()));
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Two migrations in {assembly.GetName().Name} have version {duplicate.Key}: " +
                string.Join(", ", duplicate.Select(m => m.Name)));
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }

    /// <summary>ServiceDefaults' own migrations: outbox, inbox and audit tables.</summary>
    public static IReadOnlyList<Migration> ServiceDefaults() =>
        FromAssembly(typeof(MigrationSet).Assembly, ServiceDefaultsScope);

    [GeneratedRegex(@"\.Data\.Migrations\.(?<version>\d{4})_(?<name>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ResourceName();
}
