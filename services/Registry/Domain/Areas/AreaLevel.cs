namespace Bansos.Registry.Domain.Areas;

/// <summary>The four levels of Indonesian administrative areas.</summary>
public enum AreaLevel
{
    /// <summary>Provinsi, code <c>17</c>.</summary>
    Province,

    /// <summary>Kabupaten/kota, code <c>17.03</c>.</summary>
    Regency,

    /// <summary>Kecamatan, code <c>17.03.12</c> (<c>170312</c> in NIK/KK).</summary>
    District,

    /// <summary>Desa/kelurahan, code <c>17.03.12.2003</c>.</summary>
    Village,
}
