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

    [Fact]
    public void Service_keys_differ_by_label_and_from_card_keys()
    {
        var store = new InMemoryIssuerKeyStore(new byte[16]);
        Assert.Equal(32, store.DeriveServiceKey("A").Length);
        Assert.NotEqual(store.DeriveServiceKey("A"), store.DeriveServiceKey("B"));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
