namespace Bansos.Card.Apdu;

/// <summary>
/// The ISO 7816-4 status words the profile uses (docs/card-profile.md), and plain operator messages for them.
/// Messages are Indonesian first with English in parentheses: the agent shows them as they are.
/// </summary>
public static class StatusWords
{
    public const ushort Success = 0x9000;
    /// <summary>61xx: more response bytes are waiting for GET RESPONSE (T=0).</summary>
    public const ushort BytesAvailableBase = 0x6100;
    /// <summary>63Cx: verification failed, x tries left.</summary>
    public const ushort WrongPinBase = 0x63C0;
    public const ushort MemoryFailure = 0x6581;
    public const ushort WrongLength = 0x6700;
    public const ushort SecurityStatusNotSatisfied = 0x6982;
    public const ushort AuthenticationMethodBlocked = 0x6983;
    public const ushort ConditionsNotSatisfied = 0x6985;
    public const ushort IncorrectData = 0x6A80;
    public const ushort FileNotFound = 0x6A82;
    public const ushort IncorrectP1P2 = 0x6A86;
    /// <summary>6Cxx: wrong Le; resend with Le = xx (T=0).</summary>
    public const ushort WrongLeBase = 0x6C00;
    public const ushort InsNotSupported = 0x6D00;
    public const ushort ClaNotSupported = 0x6E00;
    public const ushort NoPreciseDiagnosis = 0x6F00;

    public static ushort WrongPin(int triesLeft) =>
        triesLeft is >= 0 and <= 15 ? (ushort)(WrongPinBase | triesLeft) : throw new ArgumentOutOfRangeException(nameof(triesLeft));

    /// <summary>The x of 63Cx, or null for any other status word.</summary>
    public static int? TriesLeft(ushort sw) => (sw & 0xFFF0) == WrongPinBase ? sw & 0x0F : null;

    public static bool IsBytesAvailable(ushort sw) => (sw & 0xFF00) == BytesAvailableBase;

    public static bool IsWrongLe(ushort sw) => (sw & 0xFF00) == WrongLeBase;

    /// <summary>A general operator message for a status word; <see cref="Bansos.Card.AidCardClient"/> refines it per command.</summary>
    public static string Describe(ushort sw) => sw switch
    {
        Success => "Berhasil (success)",
        _ when TriesLeft(sw) is 0 => "PIN salah, PIN sekarang terblokir (wrong PIN, the PIN is now blocked)",
        _ when TriesLeft(sw) is { } n => $"PIN salah, sisa {n} kali percobaan (wrong PIN, {n} tries left)",
        MemoryFailure => "Memori kartu gagal ditulis, coba lagi (card memory failure, try again)",
        WrongLength => "Panjang perintah ke kartu salah (wrong command length)",
        SecurityStatusNotSatisfied => "PIN belum diverifikasi (PIN not verified)",
        AuthenticationMethodBlocked => "PIN terblokir, buka blokir dengan PUK di posko (PIN blocked, unblock it with the PUK at a posko)",
        ConditionsNotSatisfied => "Kartu belum siap untuk perintah ini (card not in a state for this command)",
        IncorrectData => "Data perintah ke kartu salah (incorrect data in the command)",
        FileNotFound => "Aplikasi bansos tidak ada di kartu ini (the Bansos application is not on this card)",
        IncorrectP1P2 => "Parameter perintah salah (incorrect parameters P1/P2)",
        InsNotSupported => "Perintah tidak dikenal kartu (instruction not supported)",
        ClaNotSupported => "Kelas perintah tidak didukung kartu (class not supported)",
        NoPreciseDiagnosis => "Kesalahan internal kartu (internal card error)",
        _ when IsBytesAvailable(sw) => "Kartu masih punya data (more data available)",
        _ when IsWrongLe(sw) => "Panjang jawaban yang diminta salah (wrong expected length)",
        _ => $"Kartu menjawab dengan status {sw:X4} (card answered with status {sw:X4})",
    };
}
