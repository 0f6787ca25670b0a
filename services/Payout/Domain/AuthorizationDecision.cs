namespace Bansos.Payout.Domain;

/// <summary>
/// The outcome of the rules. <see cref="ConsumesChallenge"/>: the attempt used up a genuine
/// challenge of this terminal (every attempt past the challenge checks does, approved or not).
/// <see cref="RecordsAtc"/>: the cryptogram verified and its ATC is fresh, so the (card, ATC)
/// pair is now taken. <see cref="Recorded"/>: false when no challenge of the calling terminal
/// backs the request (a made-up id, another terminal's): such a request is answered and counted,
/// not stored, so forging ids costs the service no storage.
/// </summary>
public sealed record AuthorizationDecision(DeclineReason? Reason, bool ConsumesChallenge, bool RecordsAtc, bool Recorded = true)
{
    public bool Approved => Reason is null;

    public static AuthorizationDecision Approve() => new(null, true, true);

    public static AuthorizationDecision Decline(DeclineReason reason, bool consumesChallenge, bool recordsAtc) =>
        new(reason, consumesChallenge, recordsAtc);

    /// <summary>A decline for a request no challenge of the calling terminal backs: answered, not stored.</summary>
    public static AuthorizationDecision Unrecorded(DeclineReason reason) => new(reason, false, false, Recorded: false);
}
