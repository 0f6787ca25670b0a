namespace Bansos.Registry.Application;

/// <summary>An import as the caller asked for it.</summary>
/// <param name="AllOrNothing">Reject the whole file if any row is bad.</param>
/// <param name="FileName">The uploaded file's name, for the audit trail.</param>
public sealed record ImportRequest(bool AllOrNothing, string FileName);
