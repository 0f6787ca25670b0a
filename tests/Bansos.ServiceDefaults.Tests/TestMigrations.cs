using Bansos.ServiceDefaults.Storage;

namespace Bansos.ServiceDefaults.Tests;

internal static class TestMigrations
{
    public const string Scope = "sdtests";

    public static IReadOnlyList<Migration> All => MigrationSet.FromAssembly(typeof(TestMigrations).Assembly, Scope);
}
