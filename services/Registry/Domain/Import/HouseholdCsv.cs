namespace Bansos.Registry.Domain.Import;

/// <summary>The household import CSV format (docs/registry.md, "Import"): one row per person, UTF-8, RFC 4180 quoting.</summary>
public static class HouseholdCsv
{
    public const string Header = "kk,nik,nama,hubungan,jenis_kelamin,tanggal_lahir,kode_desa,alamat,rt,rw,desil,program";

    public const int ColumnCount = 12;

    /// <summary>Column names by position, for error reports.</summary>
    public static IReadOnlyList<string> Columns { get; } = Header.Split(',');

    public static void WriteHeader(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header);
        writer.Write('\n');
    }

    /// <summary>Writes one row with LF line ending, quoting fields only where needed.</summary>
    public static void WriteRow(TextWriter writer, ImportRow row)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(row);
        ReadOnlySpan<string> fields =
        [
            row.Kk, row.Nik, row.Name, row.Relation, row.Sex, row.BirthDate,
            row.VillageCode, row.Street, row.Rt, row.Rw, row.Desil, row.Programmes,
        ];
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            CsvFields.Write(writer, fields[i]);
        }

        writer.Write('\n');
    }
}
