namespace Bansos.Registry.Domain;

/// <summary>
/// One field's value before and after a change, as text for the audit trail. Member fields are named
/// <c>anggota[&lt;NIK&gt;].nama</c> and the like: a viewer that must not see NIKs masks by that prefix.
/// </summary>
/// <param name="Before">Null when the thing did not exist before (e.g. a member added).</param>
/// <param name="After">Null when it no longer exists (e.g. a member removed).</param>
public sealed record FieldChange(string Field, string? Before, string? After)
{
    public override string ToString() => $"{Field}: {Before ?? "∅"} → {After ?? "∅"}";
}
