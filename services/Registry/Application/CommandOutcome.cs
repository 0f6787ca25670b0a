using Bansos.Registry.Domain;
using Bansos.ServiceDefaults.Hosting;

namespace Bansos.Registry.Application;

/// <summary>Turns a refused domain command into the exception the transport layer maps (InvalidArgument / FailedPrecondition).</summary>
internal static class CommandOutcome
{
    public static void ThrowIfFailed(CommandResult result)
    {
        switch (result.Failure)
        {
            case CommandFailure.None:
                return;
            case CommandFailure.InvalidArgument:
                throw new ValidationException([.. result.Errors.Select(e => new FieldViolation(e.Field, e.Message))]);
            default:
                throw new ConflictException(
                    string.Join(" ", result.Errors.Select(e => e.Message)),
                    [.. result.Errors.Select(e => new FieldViolation(e.Field, e.Message))]);
        }
    }
}
