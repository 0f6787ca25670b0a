using Bansos.Contracts;

namespace Bansos.Registry.Domain;

/// <summary>A <see cref="CommandResult"/> that creates something (a household, a card): <see cref="Value"/> when it succeeded.</summary>
public sealed class CommandResult<T> : CommandResult
    where T : class
{
    private CommandResult(
        T? value,
        CommandFailure failure,
        IReadOnlyList<ValidationError>? errors,
        IReadOnlyList<IIntegrationEvent>? events,
        IReadOnlyList<HistoryEntry>? history)
        : base(failure, errors, events, history) => Value = value;

    public T? Value { get; }

    public static CommandResult<T> Created(T value, IReadOnlyList<IIntegrationEvent> events, IReadOnlyList<HistoryEntry> history) =>
        new(value, CommandFailure.None, null, events, history);

    public static new CommandResult<T> Invalid(IReadOnlyList<ValidationError> errors) =>
        new(null, CommandFailure.InvalidArgument, errors, null, null);

    public static new CommandResult<T> Rejected(ValidationError error) =>
        new(null, CommandFailure.FailedPrecondition, [error], null, null);
}
