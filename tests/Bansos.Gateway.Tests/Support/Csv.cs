namespace Bansos.Gateway.Tests.Support;

/// <summary>A registry import file with one household (head Budi Santoso, wife Siti Aminah) in Giri Kencana.</summary>
public static class Csv
{
    public const string Village = "17.03.12.2003";
    public const string HeadNik = "1703120101708000";

    public const string OneHousehold =
        "kk,nik,nama,hubungan,jenis_kelamin,tanggal_lahir,kode_desa,alamat,rt,rw,desil,program\n" +
        "1703121502218000,1703120101708000,Budi Santoso,KEPALA,L,1970-01-01,17.03.12.2003,Jl. Uji 1,001,002,3,SEMBAKO\n" +
        "1703121502218000,1703124304758001,Siti Aminah,ISTRI,P,1975-04-03,17.03.12.2003,Jl. Uji 1,001,002,3,SEMBAKO\n";
}
