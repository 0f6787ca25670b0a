namespace Bansos.Registry.Domain;

/// <summary>
/// One change of a household or card, kept for ever: what changed, when, by whom, before and after.
/// Every command that changes something returns its entry for the host to store.
/// </summary>
/// <param name="SubjectId">The household or card id.</param>
/// <param name="Version">The subject's version after the change.</param>
/// <param name="Action">One of <see cref="HistoryActions"/>.</param>
/// <param name="Actor">Who made the change (user id, or e.g. <c>import:&lt;file id&gt;</c>).</param>
/// <param name="Note">The operator's note, if any.</param>
public sealed record HistoryEntry(
    Guid SubjectId,
    long Version,
    string Action,
    string Actor,
    DateTimeOffset At,
    IReadOnlyList<FieldChange> Changes,
    string? Note = null)
{
    /// <summary>Before/after in one line, e.g. <c>desil: 3 → 2; program: SEMBAKO → PKH|SEMBAKO</c>.</summary>
    public string Summary => string.Join("; ", Changes);
}
