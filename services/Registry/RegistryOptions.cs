namespace Bansos.Registry;

/// <summary>The registry's own settings (<c>Bansos:Registry:*</c>).</summary>
public sealed class RegistryOptions
{
    /// <summary>Western Indonesia Time: the pilot's calendar day (NIK ages, reports).</summary>
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>Largest import upload; larger ones are refused before anything is written.</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Longest CSV line; a longer one is rejected with its line number.</summary>
    public int MaxLineLength { get; set; } = 4_096;

    /// <summary>Where uploads are spooled while being imported.</summary>
    public string TempDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "bansos-registry");
}
