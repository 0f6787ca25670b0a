namespace Bansos.Registry.Domain;

/// <summary>
/// Validation errors being collected, allocated only once there is one: an import validates every
/// field of every row, and nearly all of them are fine. A mutable struct: keep it in one local.
/// </summary>
internal struct ErrorList
{
    private List<ValidationError>? list;

    public readonly int Count => list?.Count ?? 0;

    /// <summary>What was collected; an empty list when nothing was.</summary>
    public readonly IReadOnlyList<ValidationError> Result => list ?? (IReadOnlyList<ValidationError>)[];

    public void Add(ValidationError error) => (list ??= new List<ValidationError>(2)).Add(error);

    public void AddRange(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            (list ??= new List<ValidationError>(errors.Count)).AddRange(errors);
        }
    }
}
