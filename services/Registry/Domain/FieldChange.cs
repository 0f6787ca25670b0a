using System.Text;

namespace Bansos.Registry.Domain;

/// <summary>
/// One field's value before and after a change, as text for the audit trail. Member fields are named
/// <c>anggota[&lt;NIK&gt;].nama</c> and the like: a viewer that must not see NIKs masks by that prefix.
/// </summary>
/// <param name="Before">Null when the thing did not exist before (e.g. a member added).</param>
/// <param name="After">Null when it no longer exists (e.g. a member removed).</param>
public sealed record FieldChange(string Field, string? Before, string? After)
{
    public override string ToString() => AppendTo(new StringBuilder()).ToString();

    /// <summary><c>field: before → after</c> (∅ for none), appended without a string of its own.</summary>
    public StringBuilder AppendTo(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Append(Field).Append(": ").Append(Before ?? "∅").Append(" → ").Append(After ?? "∅");
    }
}
