using System.ComponentModel.DataAnnotations;
using Bansos.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace Bansos.Payout;

/// <summary><c>Bansos:Payout:*</c> settings (see docs/payout.md), checked at start-up.</summary>
public sealed record PayoutOptions
{
    public const string Section = "Bansos:Payout";

    /// <summary>How long a BeginPayout challenge stays usable: long enough to type a PIN, short enough to be useless later.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ChallengeTtl { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The issuer master key file; default <c>{Bansos:DataDir}/payout-issuer.key</c>.</summary>
    public string IssuerKeyFile { get; set; } = "";

    /// <summary>
    /// Group commit, on unless set false. SQLite: one writer commits queued authorizations
    /// together (one fsync per batch instead of per payout). PostgreSQL: authorizations are
    /// decided and written a batch at a time (a few round trips per batch instead of five per
    /// payout). Off: one transaction per request on both.
    /// </summary>
    public bool? GroupCommit { get; set; }

    /// <summary>At most this many authorizations share one commit.</summary>
    [Range(1, 100_000)]
    public int MaxBatch { get; set; } = 256;

    /// <summary>
    /// How long a group commit of fewer than four authorizations waits for more while they arrive
    /// closer together than this (docs/decisions.md D95): at a few hundred payouts a second several
    /// share a commit instead of paying one each. Authorizations further apart, and batches that are
    /// big already, never wait; BeginPayout's reads never do. Zero: never.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:00.050")]
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(3);

    /// <summary>Names the receive endpoints (queues) of the consumers: "&lt;prefix&gt;-household-registered" etc.</summary>
    [Required]
    public string EndpointPrefix { get; set; } = "payout";

    /// <summary>How many derived card keys stay cached (each a 16-byte array).</summary>
    [Range(1, 100_000_000)]
    public int CardKeyCacheSize { get; set; } = 200_000;

    /// <summary>
    /// The defaults that depend on other settings, applied after binding: the service's registration
    /// and <see cref="SettingsExtensions.ReadBansosSettings{T}"/> both use it.
    /// </summary>
    public static void Complete(OptionsBuilder<PayoutOptions> options) =>
        options.PostConfigure<IConfiguration>((settings, configuration) =>
        {
            var dataDir = configuration["Bansos:DataDir"] is { Length: > 0 } dir ? dir : "./data";
            settings.IssuerKeyFile = Path.GetFullPath(settings.IssuerKeyFile is { Length: > 0 } file ? file : Path.Combine(dataDir, "payout-issuer.key"));
        });
}
