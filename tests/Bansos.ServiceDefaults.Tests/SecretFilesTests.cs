using Microsoft.Extensions.Configuration;

namespace Bansos.ServiceDefaults.Tests;

/// <summary>Bansos:SecretsDir (compose secrets in /run/secrets): one file per setting, winning over the environment.</summary>
public sealed class SecretFilesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bansos-secrets-").FullName;

    [Fact]
    public void Each_file_is_a_setting_named_with_double_underscores_and_wins_over_earlier_sources()
    {
        File.WriteAllText(Path.Combine(folder, "ConnectionStrings__payout"), "Host=postgres;Database=payout;Username=bansos;Password=s3cret\n");
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(
        [
            new(SecretFilesConfiguration.Key, folder),
            new("ConnectionStrings:payout", "Host=127.0.0.1;Database=payout"), // as from the environment
        ]);

        configuration.AddBansosSecretFiles();

        Assert.Equal("Host=postgres;Database=payout;Username=bansos;Password=s3cret", configuration.GetConnectionString("payout"));
    }

    [Fact]
    public void Without_the_setting_nothing_is_read_and_a_missing_folder_stops_start_up()
    {
        var unset = new ConfigurationManager();
        unset.AddBansosSecretFiles();
        var missing = new ConfigurationManager();
        missing.AddInMemoryCollection([new(SecretFilesConfiguration.Key, Path.Combine(folder, "absent"))]);

        var error = Assert.Throws<InvalidOperationException>(() => missing.AddBansosSecretFiles());

        Assert.Empty(((IConfigurationBuilder)unset).Sources.OfType<Microsoft.Extensions.Configuration.KeyPerFile.KeyPerFileConfigurationSource>());
        Assert.Contains("absent", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
