using Microsoft.Extensions.Configuration;

namespace Bansos.Payout;

/// <summary><c>Bansos:Payout:*</c> settings (see docs/payout.md).</summary>
public sealed record PayoutOptions
{
    /// <summary>How long a BeginPayout challenge stays usable: long enough to type a PIN, short enough to be useless later.</summary>
    public TimeSpan ChallengeTtl { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The issuer master key file; default <c>{Bansos:DataDir}/payout-issuer.key</c>.</summary>
    public string IssuerKeyFile { get; init; } = "";

    /// <summary>
    /// Group commit, on unless set false. SQLite: one writer commits queued authorizations
    /// together (one fsync per batch instead of per payout). PostgreSQL: authorizations are
    /// decided and written a batch at a time (a few round trips per batch instead of five per
    /// payout). Off: one transaction per request on both.
    /// </summary>
    public bool? GroupCommit { get; init; }

    /// <summary>At most this many authorizations share one commit.</summary>
    public int MaxBatch { get; init; } = 256;

    /// <summary>Names the receive endpoints (queues) of the consumers: "&lt;prefix&gt;-household-registered" etc.</summary>
    public string EndpointPrefix { get; init; } = "payout";

    /// <summary>How many derived card keys stay cached (each a 16-byte array).</summary>
    public int CardKeyCacheSize { get; init; } = 200_000;

    public static PayoutOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Bansos:Payout");
        var defaults = new PayoutOptions();
        var dataDir = configuration["Bansos:DataDir"] is { Length: > 0 } dir ? dir : "./data";
        return new PayoutOptions
        {
            ChallengeTtl = section.GetValue("ChallengeTtl", defaults.ChallengeTtl),
            IssuerKeyFile = Path.GetFullPath(section["IssuerKeyFile"] is { Length: > 0 } file ? file : Path.Combine(dataDir, "payout-issuer.key")),
            GroupCommit = section.GetValue<bool?>("GroupCommit"),
            MaxBatch = Math.Max(1, section.GetValue("MaxBatch", defaults.MaxBatch)),
            EndpointPrefix = section["EndpointPrefix"] is { Length: > 0 } prefix ? prefix : defaults.EndpointPrefix,
            CardKeyCacheSize = Math.Max(1, section.GetValue("CardKeyCacheSize", defaults.CardKeyCacheSize)),
        };
    }
}
