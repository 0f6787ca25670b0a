using Bansos.Registry.Domain.Import;

namespace Bansos.Registry.Domain.Reimport;

/// <summary>The outcome for one draft, with the field changes (Changed; empty for New) or the rejected rows (Conflict).</summary>
public sealed record ReimportDecision(
    ReimportOutcome Outcome,
    IReadOnlyList<FieldChange> Changes,
    IReadOnlyList<RejectedRow> Conflicts);
