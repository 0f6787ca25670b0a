namespace Bansos.Payout.Domain;

/// <summary>
/// Everything one authorization is decided on, read in the transaction that records it. The
/// cryptogram is verified before (pure CPU, outside the database's write lock) and arrives as
/// <see cref="CryptogramValid"/>.
/// </summary>
public sealed record AuthorizationFacts
{
    public required long CallerTerminalId { get; init; }

    public required bool TerminalActive { get; init; }

    /// <summary>Null when the challenge id is not one this service issued (malformed or forged).</summary>
    public required IssuedChallenge? Challenge { get; init; }

    /// <summary>A payout already consumed this challenge.</summary>
    public required bool ChallengeUsed { get; init; }

    public required long Amount { get; init; }

    public required bool CryptogramValid { get; init; }

    public required int Atc { get; init; }

    /// <summary>The highest ATC of a verified cryptogram of this card, or null for none yet.</summary>
    public required int? HighestAtcSeen { get; init; }

    public required CardFacts? Card { get; init; }

    public required HouseholdFacts? Household { get; init; }

    /// <summary>The household's entitlement in the requested period, or null.</summary>
    public required EntitlementFacts? Entitlement { get; init; }

    public required DateTimeOffset Now { get; init; }
}
