namespace Bansos.PcSc;

/// <summary>The PC/SC service (pcscd, or Windows' Smart Card service) is not running or not installed.</summary>
public sealed class PcScServiceUnavailableException(uint errorCode, Exception? inner = null)
    : PcScException(errorCode,
        "Layanan kartu pintar (pcscd) tidak berjalan atau tidak terpasang; jalankan layanan itu lalu coba lagi. " +
        "(The smart card service (pcscd) is not running or not installed; start it and try again.)",
        inner);
