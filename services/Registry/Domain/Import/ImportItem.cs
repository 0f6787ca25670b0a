namespace Bansos.Registry.Domain.Import;

/// <summary>
/// What an import stream yields: rows (<see cref="ImportRow"/>), household drafts
/// (<see cref="HouseholdDraft"/>), rejected rows (<see cref="RejectedRow"/>) or one file-level error
/// (<see cref="ImportFileError"/>, after which nothing else comes).
/// </summary>
public abstract record ImportItem;
