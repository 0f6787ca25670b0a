using Bansos.ServiceDefaults.Codes;
using Bansos.Contracts;

namespace Bansos.Registry.Domain.Households;

/// <summary>
/// A beneficiary family (KPM), identified by its KK number. Every command checks the rules, and on
/// success bumps <see cref="Version"/>, appends a <see cref="HistoryEntry"/> and returns the
/// integration events to publish; on failure the household is unchanged.
/// </summary>
/// <remarks>
/// Status: ACTIVE ↔ SUSPENDED; any → REMOVED (with a reason); REMOVED → ACTIVE only by the explicit
/// <see cref="Reinstate"/>. Repeating a command that would change nothing (suspending a suspended
/// household, an update to the same details) succeeds without events, so retries are harmless.
/// </remarks>
public sealed class Household
{
    private readonly List<HistoryEntry> history;

    private Household(
        Guid id,
        KkNumber kk,
        HouseholdDetails details,
        HouseholdStatus status,
        RemovalReason? removalReason,
        long version,
        string? statusNote,
        IEnumerable<HistoryEntry>? history)
    {
        Id = id;
        Kk = kk;
        Details = details;
        Status = status;
        RemovalReason = removalReason;
        Version = version;
        StatusNote = statusNote;
        this.history = history is null ? [] : [.. history];
    }

    public Guid Id { get; }

    public KkNumber Kk { get; }

    public HouseholdDetails Details { get; private set; }

    public Member Head => Details.Head ?? throw new InvalidOperationException("A household always has one head.");

    public IReadOnlyList<Member> Members => Details.Members;

    public Address Address => Details.Address;

    public Desil Desil => Details.Desil;

    public IReadOnlyList<Programme> Programmes => Details.Programmes;

    public HouseholdStatus Status { get; private set; }

    /// <summary>Set while <see cref="Status"/> is REMOVED.</summary>
    public RemovalReason? RemovalReason { get; private set; }

    /// <summary>The note given with the last status change, if any.</summary>
    public string? StatusNote { get; private set; }

    /// <summary>1 when registered, +1 per change; events carry it so projections can drop stale ones.</summary>
    public long Version { get; private set; }

    /// <summary>The history loaded with the household (if any) plus the entries added since.</summary>
    public IReadOnlyList<HistoryEntry> History => history;

    /// <summary>Registers a new household (version 1, ACTIVE). <paramref name="id"/> comes from the host (e.g. a v7 GUID).</summary>
    public static CommandResult<Household> Register(
        Guid id, KkNumber kk, HouseholdDetails details, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var errors = new List<ValidationError>();
        if (kk.Value is null)
        {
            errors.Add(DomainErrors.Required("kk", "Nomor KK"));
        }

        errors.AddRange(HouseholdRules.Validate(details));
        if (errors.Count > 0)
        {
            return CommandResult<Household>.Invalid(errors);
        }

        details = details.Normalized();
        var household = new Household(id, kk, details, HouseholdStatus.Active, null, 1, null, null);
        var history = household.Record(HistoryActions.Registered, actor, at, HouseholdChanges.Initial(details), null);
        var registered = new HouseholdRegistered(
            id, details.Address.Village.Value, HouseholdStatuses.Active, details.Programmes.ToCodes(),
            details.Desil.Value, details.Members.Count, household.Version, at);
        return CommandResult<Household>.Created(household, [registered], [history]);
    }

    /// <summary>Rebuilds a household from storage; no events, no history entry.</summary>
    public static Household Restore(
        Guid id,
        KkNumber kk,
        HouseholdDetails details,
        HouseholdStatus status,
        RemovalReason? removalReason,
        long version,
        IEnumerable<HistoryEntry>? history = null,
        string? statusNote = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return new Household(id, kk, details.Normalized(), status,
            status == HouseholdStatus.Removed ? removalReason : null, version, statusNote, history);
    }

    /// <summary>
    /// Replaces address, desil, members and enrolments. Same details → success without events. Not
    /// allowed on a REMOVED household.
    /// </summary>
    public CommandResult Update(HouseholdDetails details, string actor, DateTimeOffset at, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var errors = new List<ValidationError>(HouseholdRules.Validate(details));
        AddNoteError(errors, note, required: false);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        if (Status == HouseholdStatus.Removed)
        {
            return CommandResult.Rejected(DomainErrors.HouseholdRemoved("status"));
        }

        details = details.Normalized();
        var changes = HouseholdChanges.Between(Details, details);
        if (changes.Count == 0)
        {
            return CommandResult.Unchanged();
        }

        Details = details;
        Version++;
        var history = Record(HistoryActions.Changed, actor, at, changes, note);
        return CommandResult.Success(
            new HouseholdChanged(Id, details.Address.Village.Value, details.Programmes.ToCodes(), details.Desil.Value,
                details.Members.Count, Version, at),
            history);
    }

    /// <summary>ACTIVE → SUSPENDED (under review).</summary>
    public CommandResult Suspend(string actor, DateTimeOffset at, string? note = null) =>
        Status switch
        {
            HouseholdStatus.Suspended => CommandResult.Unchanged(),
            HouseholdStatus.Active => ChangeStatus(HouseholdStatus.Suspended, null, HistoryActions.Suspended, actor, at, note),
            _ => Refuse(HouseholdStatus.Suspended),
        };

    /// <summary>SUSPENDED → ACTIVE. A REMOVED household needs <see cref="Reinstate"/>.</summary>
    public CommandResult Reactivate(string actor, DateTimeOffset at, string? note = null) =>
        Status switch
        {
            HouseholdStatus.Active => CommandResult.Unchanged(),
            HouseholdStatus.Suspended => ChangeStatus(HouseholdStatus.Active, null, HistoryActions.Reactivated, actor, at, note),
            _ => Refuse(HouseholdStatus.Active),
        };

    /// <summary>ACTIVE or SUSPENDED → REMOVED, with a reason. Final unless reinstated.</summary>
    public CommandResult Remove(RemovalReason reason, string actor, DateTimeOffset at, string? note = null)
    {
        if (!Enum.IsDefined(reason))
        {
            return CommandResult.Invalid([DomainErrors.RemovalReasonInvalid("reason")]);
        }

        if (Status == HouseholdStatus.Removed)
        {
            return RemovalReason == reason ? CommandResult.Unchanged() : Refuse(HouseholdStatus.Removed);
        }

        return ChangeStatus(HouseholdStatus.Removed, reason, HistoryActions.Removed, actor, at, note);
    }

    /// <summary>
    /// REMOVED → ACTIVE: the explicit way back (e.g. a removal by mistake), with a note saying why.
    /// </summary>
    public CommandResult Reinstate(string actor, DateTimeOffset at, string note)
    {
        var errors = new List<ValidationError>();
        AddNoteError(errors, note, required: true);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        return Status == HouseholdStatus.Removed
            ? ChangeStatus(HouseholdStatus.Active, null, HistoryActions.Reinstated, actor, at, note)
            : Refuse(HouseholdStatus.Active, HistoryActions.Reinstated);
    }

    private CommandResult ChangeStatus(
        HouseholdStatus status, RemovalReason? reason, string action, string actor, DateTimeOffset at, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var errors = new List<ValidationError>();
        AddNoteError(errors, note, required: false);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var changes = new List<FieldChange> { new("status", Status.ToCode(), status.ToCode()) };
        if (RemovalReason != reason)
        {
            changes.Add(new FieldChange("alasan", RemovalReason?.ToCode(), reason?.ToCode()));
        }

        Status = status;
        RemovalReason = reason;
        StatusNote = note;
        Version++;
        var history = Record(action, actor, at, changes, note);
        return CommandResult.Success(
            new HouseholdStatusChanged(Id, status.ToCode(), reason?.ToCode(), Version, at),
            history);
    }

    private CommandResult Refuse(HouseholdStatus to, string? action = null) =>
        CommandResult.Rejected(DomainErrors.StatusTransition("status", Status.ToCode(), action ?? to.ToCode()));

    private HistoryEntry Record(string action, string actor, DateTimeOffset at, IReadOnlyList<FieldChange> changes, string? note)
    {
        var entry = new HistoryEntry(Id, Version, action, actor, at, changes, note);
        history.Add(entry);
        return entry;
    }

    private static void AddNoteError(List<ValidationError> errors, string? note, bool required)
    {
        if (TextRules.Check(note, "catatan", "Catatan", TextRules.MaxNoteLength, required) is { } error)
        {
            errors.Add(error);
        }
    }
}
