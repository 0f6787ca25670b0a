namespace Bansos.Registry.Domain.Reimport;

/// <summary>What importing a household draft means against what is stored.</summary>
public enum ReimportOutcome
{
    /// <summary>No household has this KK: register it.</summary>
    New,

    /// <summary>Stored exactly like this: nothing to do (re-importing a file changes nothing).</summary>
    Unchanged,

    /// <summary>Stored differently: apply <see cref="ReimportDecision.Changes"/> with <c>Household.Update</c>.</summary>
    Changed,

    /// <summary>Cannot be applied (a NIK of another household, a REMOVED household): report the rows.</summary>
    Conflict,
}
