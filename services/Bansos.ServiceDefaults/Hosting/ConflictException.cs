namespace Bansos.ServiceDefaults.Hosting;

/// <summary>
/// The request is well formed but the current state forbids it (a status transition that is not
/// allowed, a duplicate): gRPC FailedPrecondition (HTTP 400 under JSON transcoding's mapping).
/// The message is for people.
/// </summary>
public sealed class ConflictException : Exception
{
    public ConflictException(string message, IReadOnlyList<FieldViolation> violations)
        : base(message)
    {
        Violations = violations;
    }

    public ConflictException(string message)
        : this(message, [])
    {
    }

    public ConflictException()
        : this("conflict")
    {
    }

    public ConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Violations = [];
    }

    public IReadOnlyList<FieldViolation> Violations { get; }
}
