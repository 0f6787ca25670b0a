using Bansos.ServiceDefaults.Codes;

namespace Bansos.Registry.Domain;

/// <summary>Why a household was removed from the registry.</summary>
public enum RemovalReason
{
    Deceased,
    Moved,
    Ineligible,
    Duplicate,
}

public static class RemovalReasonCodes
{
    public static readonly CodeMap<RemovalReason> Map = new(
        (RemovalReason.Deceased, "DECEASED"),
        (RemovalReason.Moved, "MOVED"),
        (RemovalReason.Ineligible, "INELIGIBLE"),
        (RemovalReason.Duplicate, "DUPLICATE"));

    public static string ToCode(this RemovalReason reason) => Map.ToCode(reason);

    public static Validated<RemovalReason> Parse(string? text, string field = "reason") =>
        Map.Parse(text, field, "Alasan", DomainErrors.RemovalReasonInvalid);
}
