using Bansos.PcSc.Native;

namespace Bansos.PcSc;

/// <summary>Maps SCARD_* codes to the typed exceptions, in one place so every call agrees.</summary>
public static class PcScErrors
{
    public static PcScException ToException(uint code, string operation, string? reader = null) => code switch
    {
        ScardError.NoService or ScardError.ServiceStopped => new PcScServiceUnavailableException(code),
        ScardError.NoReadersAvailable => new NoReaderException(code, null),
        ScardError.UnknownReader => new NoReaderException(code, reader),
        ScardError.ReaderUnavailable => new ReaderRemovedException(code, reader),
        ScardError.RemovedCard or ScardError.NoSmartcard or ScardError.ResetCard => new CardRemovedException(code, reader),
        ScardError.SharingViolation => new SharingViolationException(code, reader),
        _ => new PcScException(code, operation),
    };

    internal static void Check(uint code, string operation, string? reader = null)
    {
        if (code != ScardError.Success) throw ToException(code, operation, reader);
    }
}
