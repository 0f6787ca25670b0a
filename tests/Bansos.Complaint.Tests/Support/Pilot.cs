using Bansos.Protos.Complaint.V1;

namespace Bansos.Complaint.Tests.Support;

/// <summary>Real Kemendagri codes of the pilot (docs/registry.md) and a complaint that passes every check.</summary>
public static class Pilot
{
    public const string Urai = "17.03.12.2001";
    public const string GiriKencana = "17.03.12.2003";
    public const string AirMuring = "17.03.14.2013";
    public const string Ketahun = "17.03.12";

    /// <summary>A NIK the registry accepts: Ketahun (170312), born 1 January 1990, serial 0001.</summary>
    public const string ValidNik = "1703120101900001";

    public static FileComplaintRequest Request(string village = Urai, string? name = null) => new()
    {
        VillageCode = village,
        Category = ComplaintCategory.WrongAmount,
        Description = "Bantuan yang diterima kurang dari yang seharusnya.",
        Channel = ComplaintChannel.Posko,
        Nik = ValidNik,
        ReporterName = name ?? "Siti Aminah",
        ReporterPhone = "081234567890",
    };
}
