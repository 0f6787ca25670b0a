using System.ComponentModel.DataAnnotations;

namespace Bansos.Registry;

/// <summary>The registry's own settings (<c>Bansos:Registry:*</c>), checked at start-up.</summary>
public sealed class RegistryOptions
{
    public const string Section = "Bansos:Registry";

    /// <summary>Western Indonesia Time: the pilot's calendar day (NIK ages, reports).</summary>
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>Largest import upload; larger ones are refused before anything is written.</summary>
    [Range(1024, 4L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Longest CSV line; a longer one is rejected with its line number.</summary>
    [Range(256, 1024 * 1024)]
    public int MaxLineLength { get; set; } = 4_096;

    /// <summary>The upload limit as people read it: "100 MB", "64 KB".</summary>
    public string MaxUploadText => MaxUploadBytes >= 1024 * 1024 && MaxUploadBytes % (1024 * 1024) == 0
        ? $"{MaxUploadBytes / (1024 * 1024)} MB"
        : $"{Math.Max(1, MaxUploadBytes / 1024)} KB";

    /// <summary>
    /// Households the import reads, checks and writes at a time; about four batches are alive at once.
    /// Small, because everything a batch holds outlives a garbage collection or two while it waits for
    /// the writer; commits do not depend on it (<see cref="ImportCommitInterval"/>).
    /// </summary>
    [Range(1, 100_000)]
    public int ImportBatchSize { get; set; } = 250;

    /// <summary>
    /// How long an import's transaction collects batches before it commits (all-or-nothing: one
    /// transaction). Fewer, larger commits write far less (docs/performance.md); other writers wait
    /// at most this long for the database.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ImportCommitInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Where uploads are spooled while being imported (they hold personal data: the folder is made
    /// owner-only). Empty: <c>{Bansos:DataDir}/import-spool</c>, beside the database, never a shared /tmp name.
    /// </summary>
    public string TempDirectory { get; set; } = "";
}
