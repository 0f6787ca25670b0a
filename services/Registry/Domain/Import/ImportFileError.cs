namespace Bansos.Registry.Domain.Import;

/// <summary>The file as a whole cannot be imported (empty, wrong header). Nothing follows it.</summary>
public sealed record ImportFileError(ValidationError Error) : ImportItem;
