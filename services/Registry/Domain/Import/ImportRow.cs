namespace Bansos.Registry.Domain.Import;

/// <summary>
/// One person row of the import CSV as text, before validation. Column names in the file:
/// <c>kk,nik,nama,hubungan,jenis_kelamin,tanggal_lahir,kode_desa,alamat,rt,rw,desil,program</c>.
/// </summary>
/// <param name="Line">Line number in the file (the header is line 1).</param>
public sealed record ImportRow(
    long Line,
    string Kk,
    string Nik,
    string Name,
    string Relation,
    string Sex,
    string BirthDate,
    string VillageCode,
    string Street,
    string Rt,
    string Rw,
    string Desil,
    string Programmes) : ImportItem;
