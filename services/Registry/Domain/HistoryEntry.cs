using System.Text;

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
    /// <summary>
    /// Before/after in one line, e.g. <c>desil: 3 → 2; program: SEMBAKO → PKH|SEMBAKO</c>. Built in one
    /// builder: a registration lists every field, and an import writes one per household.
    /// </summary>
    public string Summary
    {
        get
        {
            var text = new StringBuilder(256);
            for (var i = 0; i < Changes.Count; i++)
            {
                Changes[i].AppendTo(i == 0 ? text : text.Append("; "));
            }

            return text.ToString();
        }
    }
}
