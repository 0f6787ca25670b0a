using Bansos.Complaint.Domain;
using Bansos.ServiceDefaults.Logging;

namespace Bansos.Complaint.Grpc;

/// <summary>
/// What the caller may see of a reporter: everything for admins and operators; for auditors
/// (read-only) the name as initials, the phone's last three digits and the NIK's district only —
/// the registry's rule for auditors, through ServiceDefaults' <see cref="PersonalData"/> masks.
/// Free text (the description, the resolution, history notes) is where reporters and operators
/// write names and numbers no mask can find reliably: masked callers get "***" instead, as the
/// registry does with its history details (docs/decisions.md D103).
/// </summary>
internal sealed class Disclosure(VillageScope scope)
{
    public string Name(string value) => scope.Masked ? PersonalData.MaskName(value) : value;

    public string Phone(string value) => scope.Masked ? PersonalData.MaskPhoneNumber(value) : value;

    public string Nik(string? value) => value is null ? "" : scope.Masked ? PersonalData.MaskNik(value) : value;

    public string FreeText(string? value) => PersonalData.FreeText(value, scope.Masked);
}
