namespace Bansos.Registry.Domain.Import;

/// <summary>A row (line) that was not imported, and why. One row may be rejected for several reasons.</summary>
/// <param name="Line">Line number in the file.</param>
/// <param name="Field">The CSV column (<c>nik</c>, <c>tanggal_lahir</c>, …) or <c>baris</c> for the whole line.</param>
/// <param name="Code">Stable code, as in <see cref="ValidationError.Code"/>.</param>
/// <param name="Reason">Indonesian first, English in parentheses.</param>
public sealed record RejectedRow(long Line, string Field, string Code, string Reason) : ImportItem
{
    /// <summary>The row's KK number as written (possibly invalid), when it could be read.</summary>
    public string? Kk { get; init; }

    public static RejectedRow From(long line, ValidationError error, string? kk = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new RejectedRow(line, error.Field, error.Code, error.Message) { Kk = kk };
    }

    public ValidationError ToValidationError() => new(Field, Code, Reason);
}
