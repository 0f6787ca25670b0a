namespace Bansos.PcSc.Native;

/// <summary>
/// SCARD_* return codes. pcsc-lite and winscard use the same numbers; pcsc-lite returns them in a
/// 64-bit LONG on Linux x64, so callers truncate to 32 bits before comparing.
/// </summary>
internal static class ScardError
{
    public const uint Success = 0x00000000;
    public const uint InternalError = 0x80100001;
    public const uint Cancelled = 0x80100002;
    public const uint InvalidHandle = 0x80100003;
    public const uint InvalidParameter = 0x80100004;
    public const uint InvalidTarget = 0x80100005;
    public const uint NoMemory = 0x80100006;
    public const uint WaitedTooLong = 0x80100007;
    public const uint InsufficientBuffer = 0x80100008;
    public const uint UnknownReader = 0x80100009;
    public const uint Timeout = 0x8010000A;
    public const uint SharingViolation = 0x8010000B;
    public const uint NoSmartcard = 0x8010000C;
    public const uint UnknownCard = 0x8010000D;
    public const uint CantDispose = 0x8010000E;
    public const uint ProtoMismatch = 0x8010000F;
    public const uint NotReady = 0x80100010;
    public const uint InvalidValue = 0x80100011;
    public const uint SystemCancelled = 0x80100012;
    public const uint CommError = 0x80100013;
    public const uint UnknownError = 0x80100014;
    public const uint InvalidAtr = 0x80100015;
    public const uint NotTransacted = 0x80100016;
    public const uint ReaderUnavailable = 0x80100017;
    public const uint Shutdown = 0x80100018;
    public const uint PciTooSmall = 0x80100019;
    public const uint ReaderUnsupported = 0x8010001A;
    public const uint DuplicateReader = 0x8010001B;
    public const uint CardUnsupported = 0x8010001C;
    public const uint NoService = 0x8010001D;
    public const uint ServiceStopped = 0x8010001E;
    public const uint Unexpected = 0x8010001F;
    public const uint NoReadersAvailable = 0x8010002E;
    public const uint CommDataLost = 0x8010002F;
    public const uint ServerTooBusy = 0x80100031;
    public const uint UnsupportedCard = 0x80100065;
    public const uint UnresponsiveCard = 0x80100066;
    public const uint UnpoweredCard = 0x80100067;
    public const uint ResetCard = 0x80100068;
    public const uint RemovedCard = 0x80100069;

    public static string Name(uint code) => code switch
    {
        Success => "SCARD_S_SUCCESS",
        InternalError => "SCARD_F_INTERNAL_ERROR",
        Cancelled => "SCARD_E_CANCELLED",
        InvalidHandle => "SCARD_E_INVALID_HANDLE",
        InvalidParameter => "SCARD_E_INVALID_PARAMETER",
        InvalidTarget => "SCARD_E_INVALID_TARGET",
        NoMemory => "SCARD_E_NO_MEMORY",
        WaitedTooLong => "SCARD_F_WAITED_TOO_LONG",
        InsufficientBuffer => "SCARD_E_INSUFFICIENT_BUFFER",
        UnknownReader => "SCARD_E_UNKNOWN_READER",
        Timeout => "SCARD_E_TIMEOUT",
        SharingViolation => "SCARD_E_SHARING_VIOLATION",
        NoSmartcard => "SCARD_E_NO_SMARTCARD",
        UnknownCard => "SCARD_E_UNKNOWN_CARD",
        CantDispose => "SCARD_E_CANT_DISPOSE",
        ProtoMismatch => "SCARD_E_PROTO_MISMATCH",
        NotReady => "SCARD_E_NOT_READY",
        InvalidValue => "SCARD_E_INVALID_VALUE",
        SystemCancelled => "SCARD_E_SYSTEM_CANCELLED",
        CommError => "SCARD_F_COMM_ERROR",
        UnknownError => "SCARD_F_UNKNOWN_ERROR",
        InvalidAtr => "SCARD_E_INVALID_ATR",
        NotTransacted => "SCARD_E_NOT_TRANSACTED",
        ReaderUnavailable => "SCARD_E_READER_UNAVAILABLE",
        Shutdown => "SCARD_P_SHUTDOWN",
        PciTooSmall => "SCARD_E_PCI_TOO_SMALL",
        ReaderUnsupported => "SCARD_E_READER_UNSUPPORTED",
        DuplicateReader => "SCARD_E_DUPLICATE_READER",
        CardUnsupported => "SCARD_E_CARD_UNSUPPORTED",
        NoService => "SCARD_E_NO_SERVICE",
        ServiceStopped => "SCARD_E_SERVICE_STOPPED",
        Unexpected => "SCARD_E_UNEXPECTED",
        NoReadersAvailable => "SCARD_E_NO_READERS_AVAILABLE",
        CommDataLost => "SCARD_E_COMM_DATA_LOST",
        ServerTooBusy => "SCARD_E_SERVER_TOO_BUSY",
        UnsupportedCard => "SCARD_W_UNSUPPORTED_CARD",
        UnresponsiveCard => "SCARD_W_UNRESPONSIVE_CARD",
        UnpoweredCard => "SCARD_W_UNPOWERED_CARD",
        ResetCard => "SCARD_W_RESET_CARD",
        RemovedCard => "SCARD_W_REMOVED_CARD",
        _ => $"0x{code:X8}",
    };
}
