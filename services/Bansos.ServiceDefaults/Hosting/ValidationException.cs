namespace Bansos.ServiceDefaults.Hosting;

/// <summary>
/// Bad input, found before any state changed. gRPC answers InvalidArgument with a
/// google.rpc.BadRequest listing the fields (see <see cref="GrpcExceptionInterceptor"/>).
/// </summary>
public sealed class ValidationException : Exception
{
    public ValidationException(string message, IReadOnlyList<FieldViolation> violations)
        : base(message)
    {
        Violations = violations;
    }

    public ValidationException(string field, string description)
        : this(description, [new FieldViolation(field, description)])
    {
    }

    public ValidationException(IReadOnlyList<FieldViolation> violations)
        : this(violations.Count == 1 ? violations[0].Description : $"{violations.Count} fields are invalid", violations)
    {
    }

    public ValidationException()
        : this("invalid input", [])
    {
    }

    public ValidationException(string message)
        : this(message, [])
    {
    }

    public ValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Violations = [];
    }

    public IReadOnlyList<FieldViolation> Violations { get; }
}
