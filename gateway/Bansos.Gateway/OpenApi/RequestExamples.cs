namespace Bansos.Gateway.OpenApi;

/// <summary>
/// Request bodies shown in the OpenAPI document for the main operations, in the proto3 JSON the
/// services' transcoding reads (tests parse each into its request message). Pilot data: Giri
/// Kencana (17.03.12.2003), SEMBAKO-2021-11 at Rp 200 000.
/// </summary>
public static class RequestExamples
{
    /// <summary>"package.Service/Method" → (example's summary, JSON body).</summary>
    public static IReadOnlyDictionary<string, (string Summary, string Json)> ByMethod { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["bansos.complaint.v1.ComplaintService/FileComplaint"] = (
            "A beneficiary at the posko: the card was lost",
            """
            {
              "villageCode": "17.03.12.2003",
              "category": "COMPLAINT_CATEGORY_CARD_LOST_OR_BROKEN",
              "description": "Kartu bantuan hilang di pasar; mohon kartu pengganti.",
              "channel": "COMPLAINT_CHANNEL_POSKO",
              "householdId": "0193a5b2-7c1e-7d3a-9f00-3c5e8a1b2d40"
            }
            """),
        ["bansos.payout.v1.AidPeriodService/CreatePeriod"] = (
            "SEMBAKO for November 2021 in the four pilot villages",
            """
            {
              "code": "SEMBAKO-2021-11",
              "programme": "SEMBAKO",
              "amountPerHousehold": "200000",
              "startDate": "2021-11-01",
              "endDate": "2021-11-30",
              "villageCodes": ["17.03.12.2001", "17.03.12.2003", "17.03.14.2013", "17.03.14.2017"]
            }
            """),
        ["bansos.payout.v1.AidPeriodService/OpenPeriod"] = ("Open period 1 (its entitlements are created)", "{}"),
    };

    /// <summary>Households enter the registry by import only (docs/registry.md): this is how one is created.</summary>
    public const string OneHouseholdCsv =
        "kk,nik,nama,hubungan,jenis_kelamin,tanggal_lahir,kode_desa,alamat,rt,rw,desil,program\n" +
        "1703121502218000,1703120101708000,Budi Santoso,KEPALA,L,1970-01-01,17.03.12.2003,Jl. Contoh 1,001,002,3,SEMBAKO\n" +
        "1703121502218000,1703124304758001,Siti Aminah,ISTRI,P,1975-04-03,17.03.12.2003,Jl. Contoh 1,001,002,3,SEMBAKO\n";
}
