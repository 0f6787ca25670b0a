namespace Bansos.PcSc;

/// <summary>Another application holds the card exclusively.</summary>
public sealed class SharingViolationException(uint errorCode, string? reader)
    : PcScException(errorCode,
        $"Kartu di pembaca \"{reader}\" sedang dipakai aplikasi lain; tutup aplikasi itu lalu coba lagi. (The card in reader \"{reader}\" is in use by another application; close it and try again.)", null)
{
    public string? Reader { get; } = reader;
}
