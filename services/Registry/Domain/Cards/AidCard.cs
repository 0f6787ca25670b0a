using Bansos.ServiceDefaults.Codes;
using Bansos.Contracts;
using Bansos.Registry.Domain.Households;

namespace Bansos.Registry.Domain.Cards;

/// <summary>
/// An aid card issued to a household. A household has at most one live card (ACTIVE or BLOCKED) at a
/// time. ACTIVE ↔ BLOCKED; ACTIVE/BLOCKED → LOST; a replacement makes a new ACTIVE card and the old
/// one REPLACED in the same step, so it stops working everywhere at once. LOST and REPLACED are final.
/// </summary>
public sealed class AidCard
{
    private readonly List<HistoryEntry> history;

    private AidCard(
        Guid id,
        AidCardNumber number,
        Guid householdId,
        CardStatus status,
        string? statusReason,
        long version,
        DateTimeOffset issuedAt,
        Guid? replacesCardId,
        Guid? replacedByCardId,
        IEnumerable<HistoryEntry>? history)
    {
        Id = id;
        Number = number;
        HouseholdId = householdId;
        Status = status;
        StatusReason = statusReason;
        Version = version;
        IssuedAt = issuedAt;
        ReplacesCardId = replacesCardId;
        ReplacedByCardId = replacedByCardId;
        this.history = history is null ? [] : [.. history];
    }

    public Guid Id { get; }

    public AidCardNumber Number { get; }

    public Guid HouseholdId { get; }

    public CardStatus Status { get; private set; }

    /// <summary>The reason given with the last status change, if any.</summary>
    public string? StatusReason { get; private set; }

    /// <summary>1 when issued, +1 per change.</summary>
    public long Version { get; private set; }

    public DateTimeOffset IssuedAt { get; }

    /// <summary>The card this one replaced, if it is a replacement.</summary>
    public Guid? ReplacesCardId { get; }

    /// <summary>The card that replaced this one, once replaced.</summary>
    public Guid? ReplacedByCardId { get; private set; }

    /// <summary>ACTIVE or BLOCKED: it still belongs to the household's one-live-card slot.</summary>
    public bool IsLive => Status.IsLive();

    public IReadOnlyList<HistoryEntry> History => history;

    /// <summary>
    /// Issues a first (or next, after a loss was handled) card to an ACTIVE household that has no live
    /// card. <paramref name="householdCards"/> are the household's existing cards; <paramref name="number"/>
    /// typically comes from <see cref="AidCardNumber.FromSequence"/> over a database sequence.
    /// </summary>
    public static CommandResult<AidCard> Issue(
        Guid id,
        AidCardNumber number,
        Household household,
        IReadOnlyCollection<AidCard> householdCards,
        string actor,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(householdCards);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (number.Value is null)
        {
            return CommandResult<AidCard>.Invalid([DomainErrors.Required("card_number", "Nomor kartu")]);
        }

        if (household.Status != HouseholdStatus.Active)
        {
            return CommandResult<AidCard>.Rejected(DomainErrors.HouseholdNotActive("household_id"));
        }

        if (householdCards.Any(c => c.HouseholdId == household.Id && c.IsLive))
        {
            return CommandResult<AidCard>.Rejected(DomainErrors.CardAlreadyLive("household_id"));
        }

        if (householdCards.Any(c => c.Number == number))
        {
            return CommandResult<AidCard>.Rejected(DomainErrors.CardNumberInUse("card_number"));
        }

        var card = new AidCard(id, number, household.Id, CardStatus.Active, null, 1, at, null, null, null);
        var history = card.Record(HistoryActions.CardIssued, actor, at, [new FieldChange("status", null, CardStatuses.Active)], null);
        return CommandResult<AidCard>.Created(
            card, [new CardIssued(id, number.Value, household.Id, null, card.Version, at)], [history]);
    }

    /// <summary>
    /// Replaces <paramref name="old"/> (ACTIVE, BLOCKED or LOST) with a new ACTIVE card. A live old card
    /// becomes REPLACED; a LOST one stays LOST. Events: the old card's status change first, then the new
    /// card — a projection that applies them in order never sees two usable cards.
    /// </summary>
    public static CommandResult<AidCard> Replace(
        AidCard old,
        Guid newId,
        AidCardNumber newNumber,
        Household household,
        IReadOnlyCollection<AidCard> householdCards,
        string actor,
        DateTimeOffset at,
        string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(householdCards);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var errors = new List<ValidationError>();
        if (newNumber.Value is null)
        {
            errors.Add(DomainErrors.Required("card_number", "Nomor kartu"));
        }

        if (old.HouseholdId != household.Id)
        {
            errors.Add(DomainErrors.CardWrongHousehold("card_id"));
        }

        AddReasonError(errors, reason);
        if (errors.Count > 0)
        {
            return CommandResult<AidCard>.Invalid(errors);
        }

        if (old.Status == CardStatus.Replaced || old.ReplacedByCardId is not null)
        {
            return CommandResult<AidCard>.Rejected(DomainErrors.CardAlreadyReplaced("card_id"));
        }

        if (household.Status == HouseholdStatus.Removed)
        {
            return CommandResult<AidCard>.Rejected(DomainErrors.HouseholdRemoved("household_id"));
        }

        if (householdCards.Any(c => c.Id != old.Id && c.HouseholdId == household.Id && c.IsLive))
        {
            return CommandResult<AidCard>.Rejected(DomainErrors.CardAlreadyLive("household_id"));
        }

        if (newNumber == old.Number || householdCards.Any(c => c.Number == newNumber))
        {
            return CommandResult<AidCard>.Rejected(DomainErrors.CardNumberInUse("card_number"));
        }

        var events = new List<IIntegrationEvent>(2);
        var history = new List<HistoryEntry>(2);
        var oldStatus = old.Status;
        if (old.IsLive)
        {
            old.Status = CardStatus.Replaced;
            old.StatusReason = reason;
        }

        old.ReplacedByCardId = newId;
        old.Version++;
        history.Add(old.Record(
            HistoryActions.CardReplaced, actor, at,
            [new FieldChange("status", oldStatus.ToCode(), old.Status.ToCode()), new FieldChange("replaced_by", null, newNumber.Value)],
            reason));
        if (old.Status != oldStatus)
        {
            events.Add(new CardStatusChanged(old.Id, old.Number.Value, old.HouseholdId, old.Status.ToCode(), reason, old.Version, at));
        }

        var card = new AidCard(newId, newNumber, household.Id, CardStatus.Active, null, 1, at, old.Id, null, null);
        history.Add(card.Record(
            HistoryActions.CardIssued, actor, at,
            [new FieldChange("status", null, CardStatuses.Active), new FieldChange("replaces", null, old.Number.Value)],
            reason));
        events.Add(new CardIssued(newId, newNumber.Value!, household.Id, old.Id, card.Version, at));
        return CommandResult<AidCard>.Created(card, events, history);
    }

    /// <summary>Rebuilds a card from storage; no events, no history entry.</summary>
    public static AidCard Restore(
        Guid id,
        AidCardNumber number,
        Guid householdId,
        CardStatus status,
        string? statusReason,
        long version,
        DateTimeOffset issuedAt,
        Guid? replacesCardId,
        Guid? replacedByCardId,
        IEnumerable<HistoryEntry>? history = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return new AidCard(id, number, householdId, status, statusReason, version, issuedAt, replacesCardId, replacedByCardId, history);
    }

    /// <summary>ACTIVE → BLOCKED (e.g. under investigation). Blocking a blocked card changes nothing.</summary>
    public CommandResult Block(string actor, DateTimeOffset at, string? reason = null) =>
        Status switch
        {
            CardStatus.Blocked => CommandResult.Unchanged(),
            CardStatus.Active => ChangeStatus(CardStatus.Blocked, HistoryActions.CardBlocked, actor, at, reason),
            _ => Refuse(CardStatus.Blocked),
        };

    /// <summary>BLOCKED → ACTIVE.</summary>
    public CommandResult Unblock(string actor, DateTimeOffset at, string? reason = null) =>
        Status switch
        {
            CardStatus.Active => CommandResult.Unchanged(),
            CardStatus.Blocked => ChangeStatus(CardStatus.Active, HistoryActions.CardUnblocked, actor, at, reason),
            _ => Refuse(CardStatus.Active),
        };

    /// <summary>ACTIVE or BLOCKED → LOST, for ever. Replace it to give the household a new card.</summary>
    public CommandResult ReportLost(string actor, DateTimeOffset at, string? reason = null) =>
        Status switch
        {
            CardStatus.Lost => CommandResult.Unchanged(),
            CardStatus.Active or CardStatus.Blocked => ChangeStatus(CardStatus.Lost, HistoryActions.CardLost, actor, at, reason),
            _ => Refuse(CardStatus.Lost),
        };

    private CommandResult ChangeStatus(CardStatus status, string action, string actor, DateTimeOffset at, string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var errors = new List<ValidationError>();
        AddReasonError(errors, reason);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var before = Status;
        Status = status;
        StatusReason = reason;
        Version++;
        var history = Record(action, actor, at, [new FieldChange("status", before.ToCode(), status.ToCode())], reason);
        return CommandResult.Success(
            new CardStatusChanged(Id, Number.Value, HouseholdId, status.ToCode(), reason, Version, at),
            history);
    }

    private CommandResult Refuse(CardStatus to) =>
        CommandResult.Rejected(DomainErrors.StatusTransition("status", Status.ToCode(), to.ToCode()));

    private HistoryEntry Record(string action, string actor, DateTimeOffset at, IReadOnlyList<FieldChange> changes, string? note)
    {
        var entry = new HistoryEntry(Id, Version, action, actor, at, changes, note);
        history.Add(entry);
        return entry;
    }

    private static void AddReasonError(List<ValidationError> errors, string? reason)
    {
        if (TextRules.Check(reason, "reason", "Alasan", TextRules.MaxNoteLength, required: false) is { } error)
        {
            errors.Add(error);
        }
    }
}
