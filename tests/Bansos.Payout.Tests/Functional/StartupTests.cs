using Bansos.Payout.Tests.Support;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Tests.Functional;

/// <summary>The issuer key is there as soon as the service has started, and a broken key file stops start-up.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task A_new_installation_writes_its_issuer_key_at_start_owner_only()
    {
        await using var host = await PayoutHost.StartAsync(DbDialect.Sqlite);

        // Nothing has been asked of the service yet: the key is there to be backed up with the data folder.
        Assert.True(File.Exists(host.IssuerKeyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(host.IssuerKeyFile));
        }
    }

    [Fact]
    public async Task A_key_file_that_cannot_be_read_stops_the_service_at_start()
    {
        var directory = Path.Combine(Path.GetTempPath(), "bansos-payout-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var keyFile = Path.Combine(directory, "issuer.key");
            await File.WriteAllTextAsync(keyFile, "not a key", TestContext.Current.CancellationToken);

            var failure = await Assert.ThrowsAnyAsync<Exception>(() => PayoutHost.StartAsync(
                DbDialect.Sqlite, settings: [new("Bansos:Payout:IssuerKeyFile", keyFile)]));

            // The host's start-up failure carries the key store's own plain message.
            Assert.Contains($"The issuer key file {keyFile} is not 32 hex digits.", failure.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
