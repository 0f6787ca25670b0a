using Bansos.PcSc.Native;

namespace Bansos.PcSc;

/// <summary>
/// The card is not (or no longer) in the reader, or was reset under us. Either way the session
/// on the card is gone (a verified PIN included) and the operator has to start the card part again.
/// </summary>
public sealed class CardRemovedException(uint errorCode, string? reader)
    : PcScException(errorCode, errorCode == ScardError.ResetCard
        ? $"Kartu di pembaca \"{reader}\" direset; ulangi dari awal. (The card in reader \"{reader}\" was reset; start again.)"
        : $"Tidak ada kartu di pembaca \"{reader}\" atau kartu dicabut. (No card in reader \"{reader}\", or the card was removed.)", null)
{
    public string? Reader { get; } = reader;
}
