using Bansos.Card.Apdu;

namespace Bansos.Card;

/// <summary>The answer to VERIFY, CHANGE PIN or UNBLOCK, with an operator message (Indonesian first).</summary>
public sealed record PinResult(PinOutcome Outcome, ushort StatusWord, int? TriesLeft, string Message)
{
    public bool IsSuccess => Outcome == PinOutcome.Success;

    /// <summary>True once the PIN cannot be used any more without the PUK (or at all).</summary>
    public bool IsPinBlocked => Outcome is PinOutcome.PinBlocked or PinOutcome.CardEnded || (Outcome == PinOutcome.WrongPin && TriesLeft == 0);

    internal static PinResult ForPin(ushort sw, string? context = null) => sw switch
    {
        StatusWords.Success => new(PinOutcome.Success, sw, null, "PIN benar (PIN correct)"),
        _ when StatusWords.TriesLeft(sw) is { } n => new(PinOutcome.WrongPin, sw, n, StatusWords.Describe(sw)),
        StatusWords.AuthenticationMethodBlocked => new(PinOutcome.PinBlocked, sw, 0, StatusWords.Describe(sw)),
        StatusWords.ConditionsNotSatisfied => new(PinOutcome.NotPersonalised, sw, null, NotPersonalisedMessage),
        _ => throw new CardException(sw, context is null ? StatusWords.Describe(sw) : $"{context}: {StatusWords.Describe(sw)}"),
    };

    internal static PinResult ForPuk(ushort sw) => sw switch
    {
        StatusWords.Success => new(PinOutcome.Success, sw, null, "PIN berhasil dibuka dan diganti (PIN unblocked and replaced)"),
        StatusWords.SecurityStatusNotSatisfied => new(PinOutcome.WrongPuk, sw, null, "PUK salah (wrong PUK)"),
        StatusWords.AuthenticationMethodBlocked => new(PinOutcome.CardEnded, sw, 0,
            "Kartu tidak bisa dipakai lagi karena PUK salah 10 kali; ajukan kartu pengganti (card ended after 10 wrong PUKs; request a replacement card)"),
        StatusWords.ConditionsNotSatisfied => new(PinOutcome.NotPersonalised, sw, null, NotPersonalisedMessage),
        _ => throw new CardException(sw, $"Buka blokir PIN gagal (unblock failed): {StatusWords.Describe(sw)}"),
    };

    internal const string NotPersonalisedMessage =
        "Kartu belum dipersonalisasi atau aplikasi bansos belum dipilih (card not personalised or application not selected)";
}
