using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Logging;

namespace Bansos.Registry.Grpc;

/// <summary>
/// What the caller may see of personal data: admins and operators see NIK, KK and names; auditors
/// (read-only) get them masked (docs/architecture.md §8).
/// </summary>
public sealed class Disclosure(ICurrentActor actor)
{
    public bool Masked { get; } = !actor.IsInRole(BansosRoles.Admin) && !actor.IsInRole(BansosRoles.Operator);

    /// <summary>NIK or KK: the district part stays, the rest is starred (<c>170312**********</c>).</summary>
    public string Number(string value) => Masked ? PersonalData.MaskNik(value) : value;

    /// <summary>A name: first letter of each word, the rest starred (<c>S***** W*****</c>).</summary>
    public string Name(string value) => Masked ? PersonalData.MaskName(value) : value;

    /// <summary>Free text (notes, history details): withheld whole from masked callers, empty stays empty.</summary>
    public string FreeText(string? value) => PersonalData.FreeText(value, Masked);

    /// <summary>A birth date: the year only.</summary>
    public string BirthDate(string value) => Masked && value.Length >= 4 ? value[..4] + "-**-**" : value;
}
