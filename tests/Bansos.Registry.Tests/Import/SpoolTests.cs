using System.Runtime.Versioning;
using System.Text;
using Bansos.Registry.Application;
using Bansos.Registry.Tests.Support;

namespace Bansos.Registry.Tests.Import;

/// <summary>
/// Uploads hold NIK, KK and names until imported: they are spooled under the data folder (not a
/// predictable /tmp name), in an owner-only folder, as owner-only files.
/// </summary>
public sealed class SpoolTests
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerDirectory = OwnerFile | UnixFileMode.UserExecute;

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_spooled_upload_is_an_owner_only_file_in_an_owner_only_folder()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var directory = Path.Combine(Path.GetTempPath(), "bansos-spool-tests", Guid.NewGuid().ToString("N"), "import-spool");
        try
        {
            await using (var upload = ImportUpload.Create(directory, 1024))
            {
                await upload.Stream.WriteAsync(Encoding.UTF8.GetBytes("kk,nik\n"), TestContext.Current.CancellationToken);
                var file = Assert.Single(Directory.GetFiles(directory));
                Assert.Equal(OwnerFile, File.GetUnixFileMode(file));
                Assert.Equal(OwnerDirectory, File.GetUnixFileMode(directory));
            }

            Assert.Empty(Directory.GetFiles(directory));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task With_its_defaults_the_registry_keeps_database_and_spool_in_an_owner_only_data_folder()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        // No connection string and no spool folder: both go where Bansos:DataDir says, as on the pilot.
        await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Empty with
        {
            Settings = new Dictionary<string, string?> { ["Bansos:Registry:TempDirectory"] = "", ["ConnectionStrings:registry"] = "" },
        });
        var dataDir = registry.Service<Microsoft.Extensions.Configuration.IConfiguration>()["Bansos:DataDir"]!;

        var outcome = await Importer.GrpcAsync(registry.AsAdmin, Encoding.UTF8.GetBytes(TestFamilies.Csv([TestFamilies.Create(1)])));

        Assert.Equal(1, outcome.Result!.HouseholdsCreated);
        Assert.Equal(Path.Combine(dataDir, "import-spool"), registry.Service<RegistryOptions>().TempDirectory);
        Assert.True(File.Exists(Path.Combine(dataDir, "registry.db")));
        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(dataDir));
        Assert.All(Directory.GetDirectories(dataDir, "*", SearchOption.AllDirectories), d => Assert.Equal(OwnerDirectory, File.GetUnixFileMode(d)));
        var files = Directory.GetFiles(dataDir, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("registry.db-wal", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Equal(OwnerFile, File.GetUnixFileMode(f)));
    }
}
