using Microsoft.Extensions.Hosting;

namespace Bansos.Payout.Keys;

/// <summary>
/// Opens the issuer key store as the service starts (its constructor takes it): a new installation
/// writes its IMK at once, so that it is in the data folder when that is backed up, and a key file
/// that cannot be read stops start-up instead of the first payout at a posko.
/// </summary>
internal sealed class IssuerKeyStartup(IIssuerKeyStore keyStore) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(keyStore);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
