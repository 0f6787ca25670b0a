namespace Bansos.Registry.Domain;

/// <summary>
/// A value that passed validation, or the reasons it did not. Parsing returns this instead of
/// throwing so that a caller can collect every problem of a row or request at once.
/// </summary>
public readonly struct Validated<T>
{
    private static readonly IReadOnlyList<ValidationError> NoErrors = [];

    private readonly T value;
    private readonly IReadOnlyList<ValidationError>? errors;

    private Validated(T value, IReadOnlyList<ValidationError>? errors)
    {
        this.value = value;
        this.errors = errors;
    }

    public static Validated<T> Valid(T value) => new(value, null);

    public static Validated<T> Invalid(ValidationError error) => new(default!, [error]);

    public static Validated<T> Invalid(IReadOnlyList<ValidationError> errors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        return new(default!, errors);
    }

    public bool IsValid => errors is null || errors.Count == 0;

    public IReadOnlyList<ValidationError> Errors => errors ?? NoErrors;

    /// <summary>The value; throws when invalid (a programming error: check <see cref="IsValid"/> first).</summary>
    public T Value => IsValid
        ? value
        : throw new InvalidOperationException($"Invalid value: {string.Join("; ", Errors)}");

    public bool TryGetValue(out T value)
    {
        value = this.value;
        return IsValid;
    }
}
