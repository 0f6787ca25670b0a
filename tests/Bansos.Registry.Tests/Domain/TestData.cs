using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Areas;
using Bansos.Registry.Domain.Households;

namespace Bansos.Registry.Tests.Domain;

/// <summary>Shared fixtures: the shipped area reference (loaded once per process) and a fixed 'today'.</summary>
internal static class TestData
{
    public static readonly DateOnly Today = new(2025, 6, 1);

    public static readonly DateTimeOffset Now = new(2025, 6, 1, 3, 0, 0, TimeSpan.Zero);

    public const string Actor = "operator:test";

    public static AreaReference Areas => AreaReference.LoadDefault();

    public const string Header = "kk,nik,nama,hubungan,jenis_kelamin,tanggal_lahir,kode_desa,alamat,rt,rw,desil,program";

    // Ketahun (170312), Giri Kencana. Head born 1980-05-12 (L), wife 1984-11-03 (P, day 43), son 2008-01-20.
    public const string Kk1 = "1703121502150001";
    public const string HeadNik = "1703121205800001";
    public const string WifeNik = "1703124311840002";
    public const string SonNik = "1703122001080003";

    public const string Kk2 = "1703121502150002";
    public const string OtherHeadNik = "1703120101700004";

    public static string Row(
        string kk, string nik, string name, string relation, string sex, string birth,
        string village = "17.03.12.2003", string street = "Jl. Lintas Barat No. 12", string rt = "003",
        string rw = "001", string desil = "2", string program = "SEMBAKO") =>
        $"{kk},{nik},{name},{relation},{sex},{birth},{village},{street},{rt},{rw},{desil},{program}";

    public static string Family1Rows() => string.Join('\n',
        Row(Kk1, HeadNik, "Sutrisno", "KEPALA", "L", "1980-05-12"),
        Row(Kk1, WifeNik, "Sumarni", "ISTRI", "P", "1984-11-03"),
        Row(Kk1, SonNik, "Dimas Pratama", "ANAK", "L", "2008-01-20"));

    public static Nik Nik(string value) => Bansos.Registry.Domain.Nik.Parse(value, Areas, Today).Value;

    public static Member Member(string nik, string name, Relation relation, Sex sex, string birth) =>
        new(Nik(nik), name, relation, sex, DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture));

    public static HouseholdDetails Family1(int desil = 2, params Programme[] programmes) => new(
        Address.Parse("17.03.12.2003", "3", "1", "Jl. Lintas Barat No. 12", Areas).Value,
        Desil.Create(desil).Value,
        [
            Member(HeadNik, "Sutrisno", Relation.Kepala, Sex.Male, "1980-05-12"),
            Member(WifeNik, "Sumarni", Relation.Istri, Sex.Female, "1984-11-03"),
            Member(SonNik, "Dimas Pratama", Relation.Anak, Sex.Male, "2008-01-20"),
        ],
        programmes.Length == 0 ? [Programme.Sembako] : programmes);

    public static KkNumber Kk(string value) => KkNumber.Parse(value, Areas).Value;
}
