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
    public static string ToCode(this RemovalReason reason) => reason switch
    {
        RemovalReason.Deceased => "DECEASED",
        RemovalReason.Moved => "MOVED",
        RemovalReason.Ineligible => "INELIGIBLE",
        _ => "DUPLICATE",
    };

    public static Validated<RemovalReason> Parse(string? text, string field = "reason") =>
        text?.Trim().ToUpperInvariant() switch
        {
            "DECEASED" => Validated<RemovalReason>.Valid(RemovalReason.Deceased),
            "MOVED" => Validated<RemovalReason>.Valid(RemovalReason.Moved),
            "INELIGIBLE" => Validated<RemovalReason>.Valid(RemovalReason.Ineligible),
            "DUPLICATE" => Validated<RemovalReason>.Valid(RemovalReason.Duplicate),
            null or "" => Validated<RemovalReason>.Invalid(DomainErrors.Required(field, "Alasan")),
            _ => Validated<RemovalReason>.Invalid(DomainErrors.RemovalReasonInvalid(field)),
        };
}
