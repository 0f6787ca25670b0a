using Bansos.Contracts;

namespace Bansos.Registry.Domain;

/// <summary>
/// The outcome of a domain command: either refused with errors (state unchanged), or accepted with the
/// integration events to write to the outbox and the history entries to store — in the same
/// transaction as the new state. Accepted with no events means nothing changed (an idempotent repeat).
/// </summary>
public class CommandResult
{
    private static readonly IReadOnlyList<ValidationError> NoErrors = [];
    private static readonly IReadOnlyList<IIntegrationEvent> NoEvents = [];
    private static readonly IReadOnlyList<HistoryEntry> NoHistory = [];

    protected CommandResult(
        CommandFailure failure,
        IReadOnlyList<ValidationError>? errors,
        IReadOnlyList<IIntegrationEvent>? events,
        IReadOnlyList<HistoryEntry>? history)
    {
        Failure = failure;
        Errors = errors ?? NoErrors;
        Events = events ?? NoEvents;
        History = history ?? NoHistory;
    }

    public CommandFailure Failure { get; }

    public bool Succeeded => Failure == CommandFailure.None;

    /// <summary>True when the command succeeded and changed state (there are events to publish).</summary>
    public bool Changed => Succeeded && Events.Count > 0;

    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>Contract records (Bansos.Contracts) in the order they must be published.</summary>
    public IReadOnlyList<IIntegrationEvent> Events { get; }

    public IReadOnlyList<HistoryEntry> History { get; }

    public static CommandResult Success(IReadOnlyList<IIntegrationEvent> events, IReadOnlyList<HistoryEntry> history) =>
        new(CommandFailure.None, null, events, history);

    public static CommandResult Success(IIntegrationEvent @event, HistoryEntry history) =>
        new(CommandFailure.None, null, [@event], [history]);

    public static CommandResult Unchanged() => new(CommandFailure.None, null, null, null);

    public static CommandResult Invalid(IReadOnlyList<ValidationError> errors) =>
        new(CommandFailure.InvalidArgument, errors, null, null);

    public static CommandResult Rejected(ValidationError error) =>
        new(CommandFailure.FailedPrecondition, [error], null, null);

    public override string ToString() =>
        Succeeded ? $"OK ({Events.Count} events)" : $"{Failure}: {string.Join("; ", Errors)}";
}
