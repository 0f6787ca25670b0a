using System.Runtime.Versioning;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.ServiceDefaults.Tests;

/// <summary>SQLite files hold NIK, KK and names: only the service's user may read them, whatever the umask.</summary>
public sealed class FileModeTests : IDisposable
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly string root = Path.Combine(Path.GetTempPath(), "bansos-filemode-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_new_SQLite_database_its_wal_and_shm_and_the_folder_made_for_it_are_owner_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var path = Path.Combine(root, "data", "registry.db");

        var database = SqliteDatabase.ForFile(path);
        await using (var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken))
        {
            await connection.ExecuteAsync("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);");
            Assert.True(File.Exists(path + "-wal") && File.Exists(path + "-shm"), "WAL mode keeps -wal and -shm while a connection is open");
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                Assert.Equal(OwnerFile, File.GetUnixFileMode(file));
            }
        }

        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void An_existing_database_readable_by_others_is_made_owner_only_when_opened()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, "payout.db");
        _ = SqliteDatabase.ForFile(path);
        foreach (var file in Directory.GetFiles(root))
        {
            File.SetUnixFileMode(file, OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        _ = SqliteDatabase.ForFile(path);

        Assert.All(Directory.GetFiles(root), file => Assert.Equal(OwnerFile, File.GetUnixFileMode(file)));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
