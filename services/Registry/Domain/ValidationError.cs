namespace Bansos.Registry.Domain;

/// <summary>
/// One problem with input, as data: the host maps a list of these to gRPC InvalidArgument field
/// violations or REST problem details. <paramref name="Message"/> is Indonesian first, English in
/// parentheses, because operators read it.
/// </summary>
/// <param name="Field">The input field, e.g. <c>nik</c>, <c>members[2].nik</c>, <c>kode_desa</c>.</param>
/// <param name="Code">A stable machine code, e.g. <c>NIK_LENGTH</c>.</param>
/// <param name="Message">Text for people.</param>
public sealed record ValidationError(string Field, string Code, string Message)
{
    /// <summary>The same error reported against another field name (e.g. a row column or a member index).</summary>
    public ValidationError For(string field) => this with { Field = field };

    public override string ToString() => $"{Field}: {Message} [{Code}]";
}
