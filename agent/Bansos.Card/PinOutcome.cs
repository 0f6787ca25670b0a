namespace Bansos.Card;

/// <summary>How the card took a PIN or PUK (VERIFY, CHANGE PIN, UNBLOCK).</summary>
public enum PinOutcome
{
    /// <summary>9000.</summary>
    Success,
    /// <summary>63Cx: wrong PIN, x tries left (0 means it is now blocked).</summary>
    WrongPin,
    /// <summary>6983 on VERIFY / CHANGE PIN: the PIN is blocked; UNBLOCK with the PUK.</summary>
    PinBlocked,
    /// <summary>6982 on UNBLOCK.</summary>
    WrongPuk,
    /// <summary>6983 on UNBLOCK: ten wrong PUKs, the card is ended and must be replaced.</summary>
    CardEnded,
    /// <summary>6985: the card is blank (or the application was not selected).</summary>
    NotPersonalised,
}
