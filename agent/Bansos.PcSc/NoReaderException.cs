namespace Bansos.PcSc;

/// <summary>No card reader is connected, or the named one is not known to the PC/SC service.</summary>
public sealed class NoReaderException(uint errorCode, string? reader)
    : PcScException(errorCode, reader is null
        ? "Tidak ada pembaca kartu yang terpasang. (No card reader is connected.)"
        : $"Pembaca kartu \"{reader}\" tidak ditemukan. (Card reader \"{reader}\" not found.)", null)
{
    public string? Reader { get; } = reader;
}
