namespace Bansos.PcSc;

/// <summary>The reader went away (unplugged, driver stopped) while it was in use.</summary>
public sealed class ReaderRemovedException(uint errorCode, string? reader)
    : PcScException(errorCode,
        $"Pembaca kartu \"{reader}\" terlepas atau tidak tersedia lagi. (Card reader \"{reader}\" was removed or is no longer available.)", null)
{
    public string? Reader { get; } = reader;
}
