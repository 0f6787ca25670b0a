using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bansos.Gateway.Data;
using Bansos.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace Bansos.Gateway.Terminals;

/// <summary>
/// Terminal certificates the gateway no longer accepts although they are still within their
/// validity: a terminal's previous certificate from the moment it renews (docs/decisions.md D77).
/// Kept by SHA-256 thumbprint in the gateway's store and held in memory for the per-request check;
/// re-read every <see cref="GatewayOptions.RevocationPollInterval"/> (30 s), so a revocation recorded
/// by another gateway instance on the same database is honoured here too. Not faster: a revoked
/// certificate is one its terminal has already replaced, and a disabled terminal is refused by
/// its status at once whatever certificate it shows (D93).
/// </summary>
public sealed class CertificateRevocations(
    RevokedCertificateStore store,
    MigrationGate gate,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<CertificateRevocations> logger) : BackgroundService
{
    public const string RenewedReason = "renewed";

    private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile FrozenSet<string> revoked = FrozenSet<string>.Empty;
    private readonly Lock writeLock = new();

    public static string ThumbprintOf(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>Whether <paramref name="certificate"/> is revoked; waits for the first read of the store (never answers from an empty list).</summary>
    public async ValueTask<bool> IsRevokedAsync(X509Certificate2 certificate, CancellationToken ct)
    {
        if (!loaded.Task.IsCompleted)
        {
            await loaded.Task.WaitAsync(ct);
        }

        return revoked.Contains(ThumbprintOf(certificate));
    }

    /// <summary>Records the revocation, then refuses the certificate in this instance at once.</summary>
    public async Task RevokeAsync(long terminalId, X509Certificate2 certificate, string reason, CancellationToken ct)
    {
        var thumbprint = ThumbprintOf(certificate);
        await store.AddAsync(new RevokedCertificate(
            thumbprint, terminalId, certificate.SerialNumber, certificate.NotAfter.ToUniversalTime(), time.GetUtcNow(), reason), ct);
        lock (writeLock)
        {
            revoked = revoked.Append(thumbprint).ToFrozenSet(StringComparer.Ordinal);
        }

        logger.LogInformation("Terminal {TerminalId}'s certificate {SerialNumber} revoked ({Reason})", terminalId, certificate.SerialNumber, reason);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await gate.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.RevocationPollInterval, time);
        do
        {
            try
            {
                var read = await store.ListUnexpiredAsync(time.GetUtcNow(), stoppingToken);
                lock (writeLock)
                {
                    // A union: revocations are never undone, and a read that began before this instance's latest must not drop it.
                    revoked = revoked.Union(read).ToFrozenSet(StringComparer.Ordinal);
                }

                loaded.TrySetResult();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Revoked terminal certificates not read ({Reason}); keeping the last list", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
