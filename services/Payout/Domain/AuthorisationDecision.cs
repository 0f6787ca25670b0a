namespace Bansos.Payout.Domain;

/// <summary>
/// The outcome of the rules. <see cref="ConsumesChallenge"/>: the attempt used up a genuine
/// challenge of this terminal (every attempt past the challenge checks does, approved or not).
/// <see cref="RecordsAtc"/>: the cryptogram verified and its ATC is fresh, so the (card, ATC)
/// pair is now taken.
/// </summary>
public sealed record AuthorisationDecision(DeclineReason? Reason, bool ConsumesChallenge, bool RecordsAtc)
{
    public bool Approved => Reason is null;

    public static AuthorisationDecision Approve() => new(null, true, true);

    public static AuthorisationDecision Decline(DeclineReason reason, bool consumesChallenge, bool recordsAtc) =>
        new(reason, consumesChallenge, recordsAtc);
}
