using Bansos.ServiceDefaults.Codes;

namespace Bansos.Payout.Domain;

/// <summary>The wire and database form of <see cref="DeclineReason"/> and the operator's text for it.</summary>
public static class DeclineReasons
{
    public static readonly CodeMap<DeclineReason> Map = new(
        (DeclineReason.CardBlocked, "CARD_BLOCKED"),
        (DeclineReason.CardLost, "CARD_LOST"),
        (DeclineReason.CardReplaced, "CARD_REPLACED"),
        (DeclineReason.HouseholdNotActive, "HOUSEHOLD_NOT_ACTIVE"),
        (DeclineReason.NoOpenEntitlement, "NO_OPEN_ENTITLEMENT"),
        (DeclineReason.InsufficientBalance, "INSUFFICIENT_BALANCE"),
        (DeclineReason.BadCryptogram, "BAD_CRYPTOGRAM"),
        (DeclineReason.ReplayedAtc, "REPLAYED_ATC"),
        (DeclineReason.ChallengeUnknown, "CHALLENGE_UNKNOWN"),
        (DeclineReason.ChallengeExpired, "CHALLENGE_EXPIRED"),
        (DeclineReason.ChallengeUsed, "CHALLENGE_USED"),
        (DeclineReason.ChallengeOtherTerminal, "CHALLENGE_OTHER_TERMINAL"),
        (DeclineReason.TerminalDisabled, "TERMINAL_DISABLED"),
        (DeclineReason.OutsidePeriodWindow, "OUTSIDE_PERIOD_WINDOW"),
        (DeclineReason.InvalidAmount, "INVALID_AMOUNT"),
        (DeclineReason.PinBlocked, "PIN_BLOCKED"),
        (DeclineReason.CardEnded, "CARD_ENDED"),
        (DeclineReason.CardUnreadable, "CARD_UNREADABLE"),
        (DeclineReason.NotBansosCard, "NOT_BANSOS_CARD"));

    public static IReadOnlyCollection<DeclineReason> All => Map.Values;

    public static string Code(DeclineReason reason) => Map.ToCode(reason);

    public static DeclineReason Parse(string code) => Map.Parse(code);

    /// <summary>What the operator reads, Indonesian first.</summary>
    public static string Message(DeclineReason reason) => reason switch
    {
        DeclineReason.CardBlocked => "Kartu diblokir (card blocked).",
        DeclineReason.CardLost => "Kartu dilaporkan hilang (card reported lost).",
        DeclineReason.CardReplaced => "Kartu sudah diganti kartu baru (card replaced).",
        DeclineReason.HouseholdNotActive => "Keluarga penerima tidak aktif (household not active).",
        DeclineReason.NoOpenEntitlement => "Tidak ada hak bantuan yang terbuka (no open entitlement).",
        DeclineReason.InsufficientBalance => "Saldo bantuan tidak cukup (insufficient balance).",
        DeclineReason.BadCryptogram => "Kriptogram kartu tidak sah (bad card cryptogram).",
        DeclineReason.ReplayedAtc => "Penghitung transaksi kartu sudah dipakai (card counter replayed).",
        DeclineReason.ChallengeUnknown => "Tantangan tidak dikenal; mulai ulang transaksi (challenge unknown; start again).",
        DeclineReason.ChallengeExpired => "Tantangan kedaluwarsa; mulai ulang transaksi (challenge expired; start again).",
        DeclineReason.ChallengeUsed => "Tantangan sudah dipakai; mulai ulang transaksi (challenge already used; start again).",
        DeclineReason.ChallengeOtherTerminal => "Tantangan milik terminal lain (challenge belongs to another terminal).",
        DeclineReason.TerminalDisabled => "Terminal dinonaktifkan (terminal disabled).",
        DeclineReason.OutsidePeriodWindow => "Di luar masa penyaluran periode (outside the period's payout window).",
        DeclineReason.InvalidAmount => "Jumlah tidak sah (invalid amount).",
        DeclineReason.PinBlocked => "PIN terblokir di kartu (PIN blocked on the card).",
        DeclineReason.CardEnded => "Kartu tidak dapat dipakai lagi (card ended after ten wrong PUKs).",
        DeclineReason.CardUnreadable => "Kartu tidak dapat dibaca (card unreadable).",
        DeclineReason.NotBansosCard => "Bukan kartu Bansos (not a Bansos card).",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
