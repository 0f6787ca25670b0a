using System.Runtime.Versioning;
using Bansos.Card;
using Bansos.Payout.Keys;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bansos.Payout.Tests.Keys;

public sealed class FileIssuerKeyStoreTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "bansos-payout-tests", Guid.NewGuid().ToString("N"));

    private string KeyFile => Path.Combine(directory, "sub", "issuer.key");

    [Fact]
    public void The_first_start_generates_an_owner_only_key_the_next_start_reads_back()
    {
        var card = CardNumber.Parse("9900170000000011");
        var first = new FileIssuerKeyStore(KeyFile, NullLogger<FileIssuerKeyStore>.Instance);
        Assert.True(File.Exists(KeyFile));
        Assert.Equal(32, File.ReadAllText(KeyFile).Trim().Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }

        var second = new FileIssuerKeyStore(KeyFile, NullLogger<FileIssuerKeyStore>.Instance);
        Assert.Equal(first.DeriveCardKey(card), second.DeriveCardKey(card));
    }

    [Fact]
    public void A_given_key_file_is_used_as_is()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllText(KeyFile, "000102030405060708090A0B0C0D0E0F\n");
        OwnerOnly(KeyFile);
        var store = new FileIssuerKeyStore(KeyFile, NullLogger<FileIssuerKeyStore>.Instance);
        Assert.Equal("C29AE25AD048756A4198E09E0FBD33E2", Convert.ToHexString(store.DeriveCardKey(CardNumber.Parse("9900170000000011"))));
    }

    [Theory]
    [InlineData("not hex at all")]
    [InlineData("0001020304")]
    public void A_damaged_key_file_stops_the_start(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllText(KeyFile, content);
        Assert.Throws<InvalidOperationException>(() => new FileIssuerKeyStore(KeyFile, NullLogger<FileIssuerKeyStore>.Instance));
    }

    [Theory]
    [UnsupportedOSPlatform("windows")]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead)]
    public void A_key_file_readable_by_others_stops_the_start_with_a_clear_message(UnixFileMode extra)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllText(KeyFile, "000102030405060708090A0B0C0D0E0F\n");
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | extra);

        var error = Assert.Throws<InvalidOperationException>(() => new FileIssuerKeyStore(KeyFile, NullLogger<FileIssuerKeyStore>.Instance));

        Assert.Contains(KeyFile, error.Message, StringComparison.Ordinal);
        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Processes_starting_at_once_all_read_the_one_whole_key_that_was_written()
    {
        var card = CardNumber.Parse("9900170000000011");
        for (var round = 0; round < 30; round++)
        {
            var path = Path.Combine(directory, $"race-{round}", "issuer.key");
            using var start = new Barrier(8);
            var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                return Convert.ToHexString(new FileIssuerKeyStore(path, NullLogger<FileIssuerKeyStore>.Instance).DeriveCardKey(card));
            })));

            Assert.Single(keys.Distinct());
            // The key and its (empty) lock file; no temporary file left behind.
            Assert.Equal(["issuer.key", "issuer.key.lock"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Service_keys_differ_by_label_and_from_card_keys()
    {
        var store = new InMemoryIssuerKeyStore(new byte[16]);
        Assert.Equal(32, store.DeriveServiceKey("A").Length);
        Assert.NotEqual(store.DeriveServiceKey("A"), store.DeriveServiceKey("B"));
    }

    private static void OwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
