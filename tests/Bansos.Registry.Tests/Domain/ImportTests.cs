using System.IO.Pipelines;
using System.Text;
using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Import;
using static Bansos.Registry.Tests.Domain.TestData;

namespace Bansos.Registry.Tests.Domain;

[Collection(HeapMeasuringCollection.Name)]
public sealed class ImportTests
{
    private static List<ImportItem> Import(string csv, int maxLineLength = CsvLineReader.DefaultMaxLineLength) =>
        [.. HouseholdImport.Read(new StringReader(csv), Areas, Today, maxLineLength)];

    private static List<HouseholdDraft> Drafts(List<ImportItem> items) => [.. items.OfType<HouseholdDraft>()];

    private static List<RejectedRow> Rejected(List<ImportItem> items) => [.. items.OfType<RejectedRow>()];

    private static string File(params string[] rows) => Header + "\n" + string.Join('\n', rows) + "\n";

    [Fact]
    public void Imports_a_household_from_its_rows()
    {
        var items = Import(Header + "\n" + Family1Rows() + "\n");
        var draft = Assert.Single(Drafts(items));
        Assert.Empty(Rejected(items));
        Assert.Equal(Kk1, draft.Kk.Value);
        Assert.Equal([2L, 3L, 4L], draft.MemberLines);
        Assert.Equal("Sutrisno", draft.Details.Head?.Name);
        Assert.Equal(3, draft.Details.Members.Count);
        Assert.Equal("17.03.12.2003", draft.Details.Address.Village.Value);
        Assert.Equal(("003", "001"), (draft.Details.Address.Rt, draft.Details.Address.Rw));
        Assert.Equal(2, draft.Details.Desil.Value);
        Assert.Equal([Programme.Sembako], draft.Details.Programmes);
        Assert.Equal(3L, draft.LineOf(Nik(WifeNik)));
    }

    [Fact]
    public void An_empty_file_is_a_file_level_error()
    {
        foreach (var text in new[] { "", "\n", "\r\n\r\n", "\uFEFF" })
        {
            var error = Assert.IsType<ImportFileError>(Assert.Single(Import(text)));
            Assert.Equal("FILE_EMPTY", error.Error.Code);
        }
    }

    [Theory]
    [InlineData("kk,nik,nama")]
    [InlineData("KK,NIK,NAMA,HUBUNGAN,JENIS_KELAMIN,TANGGAL_LAHIR,KODE_DESA,ALAMAT,RT,RW,DESIL,PROGRAM")]
    [InlineData("nik,kk,nama,hubungan,jenis_kelamin,tanggal_lahir,kode_desa,alamat,rt,rw,desil,program")]
    [InlineData("kk;nik;nama;hubungan;jenis_kelamin;tanggal_lahir;kode_desa;alamat;rt;rw;desil;program")]
    [InlineData("1703121502150001,1703121205800001,Sutrisno,KEPALA,L,1980-05-12,17.03.12.2003,Jl. A,1,1,2,SEMBAKO")]
    public void A_wrong_header_is_a_file_level_error_and_nothing_else_is_read(string header)
    {
        var items = Import(header + "\n" + Family1Rows() + "\n");
        var error = Assert.IsType<ImportFileError>(Assert.Single(items));
        Assert.Equal("HEADER_INVALID", error.Error.Code);
        Assert.Contains(HouseholdCsv.Header, error.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_after_a_blank_first_line_is_refused()
    {
        var error = Assert.IsType<ImportFileError>(Assert.Single(Import("\n" + Header + "\n" + Family1Rows())));
        Assert.Equal("HEADER_INVALID", error.Error.Code);
    }

    [Fact]
    public void A_header_alone_is_an_empty_import_not_an_error() => Assert.Empty(Import(Header + "\n"));

    [Fact]
    public void A_row_of_10000_characters_is_rejected_with_its_line_and_reading_goes_on()
    {
        var longName = new string('A', 10_000);
        var items = Import(File(
            Row(Kk2, OtherHeadNik, "Darwis", "KEPALA", "L", "1970-01-01"),
            Row("1703121502150003", "1703120202700005", longName, "KEPALA", "L", "1970-02-02"),
            Row("1703121502150004", "1703120303700006", "Herman", "KEPALA", "L", "1970-03-03")));
        var rejected = Assert.Single(Rejected(items));
        Assert.Equal((3L, "LINE_TOO_LONG"), (rejected.Line, rejected.Code));
        Assert.Contains("4096", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal("1703121502150003", rejected.Kk);
        Assert.Equal([Kk2, "1703121502150004"], Drafts(items).Select(d => d.Kk.Value));
    }

    [Fact]
    public void A_too_long_row_spoils_the_household_it_belongs_to()
    {
        var items = Import(File(
            Row(Kk1, HeadNik, "Sutrisno", "KEPALA", "L", "1980-05-12"),
            Row(Kk1, WifeNik, new string('B', 5000), "ISTRI", "P", "1984-11-03"),
            Row(Kk1, SonNik, "Dimas Pratama", "ANAK", "L", "2008-01-20")));
        Assert.Empty(Drafts(items));
        Assert.Equal(
            [(2L, "HOUSEHOLD_REJECTED"), (3L, "LINE_TOO_LONG"), (4L, "HOUSEHOLD_REJECTED")],
            Rejected(items).OrderBy(r => r.Line).Select(r => (r.Line, r.Code)));
    }

    [Fact]
    public void Names_with_quotes_commas_and_SQL_looking_text_are_kept_verbatim()
    {
        string[] names =
        [
            "Ma'ruf",
            "Siti \"Ucok\" Aminah",
            "Robert'); DROP TABLE households;--",
            "Nur, Aini",
            "1' OR '1'='1",
        ];
        var rows = names.Select((name, i) =>
        {
            var nik = $"1703120101{70 + i}0001";
            var kk = $"170312150215{i + 10:D4}";
            var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            return Row(kk, nik, quoted, "KEPALA", "L", $"19{70 + i}-01-01", street: "\"Jl. Lintas Barat, No. 12\"");
        }).ToArray();
        var items = Import(File(rows));
        Assert.Empty(Rejected(items));
        Assert.Equal(names, Drafts(items).Select(d => d.Details.Head?.Name));
        Assert.All(Drafts(items), d => Assert.Equal("Jl. Lintas Barat, No. 12", d.Details.Address.Street));
    }

    [Fact]
    public void Malformed_quoting_or_a_wrong_column_count_rejects_the_line()
    {
        var items = Import(File(
            "1703121502150003,\"1703120202700005,unterminated",
            "1703121502150004,1703120303700006,Herman,KEPALA,L",
            Row(Kk2, OtherHeadNik, "Darwis", "KEPALA", "L", "1970-01-01")));
        Assert.Equal([(2L, "CSV_MALFORMED"), (3L, "COLUMN_COUNT")], Rejected(items).Select(r => (r.Line, r.Code)));
        Assert.Single(Drafts(items));
    }

    [Fact]
    public void A_bad_row_rejects_its_household_and_names_the_reason_per_row()
    {
        var items = Import(File(
            Row(Kk1, HeadNik, "Sutrisno", "KEPALA", "L", "1980-05-12"),
            Row(Kk1, WifeNik, "Sumarni", "ISTRI", "L", "1984-11-03"), // sex does not match the NIK
            Row(Kk1, SonNik, "Dimas Pratama", "ANAK", "L", "2008-01-20"),
            Row(Kk2, OtherHeadNik, "Darwis", "KEPALA", "L", "1970-01-01")));
        Assert.Equal([Kk2], Drafts(items).Select(d => d.Kk.Value));
        var rejected = Rejected(items);
        Assert.Contains(rejected, r => r is { Line: 3, Field: "nik", Code: "NIK_SEX_MISMATCH" });
        Assert.Contains(rejected, r => r is { Line: 3, Field: "hubungan", Code: "RELATION_SEX_MISMATCH" });
        Assert.Contains(rejected, r => r is { Line: 2, Code: "HOUSEHOLD_REJECTED" });
        Assert.Contains(rejected, r => r is { Line: 4, Code: "HOUSEHOLD_REJECTED" });
        Assert.All(rejected, r => Assert.Equal(Kk1, r.Kk));
    }

    [Theory]
    [InlineData("12345", "NIK_LENGTH")]
    [InlineData("17031212058000AB", "NIK_DIGITS")]
    [InlineData("9999991205800001", "DISTRICT_UNKNOWN")]
    [InlineData("1703123102800001", "NIK_DATE_INVALID")] // 31 February
    [InlineData("1703121205810001", "NIK_DATE_MISMATCH")] // says 1981, row says 1980
    [InlineData("1703125205800001", "NIK_SEX_MISMATCH")] // a woman's NIK for a man
    [InlineData("1703121205800000", "SERIAL_ZERO")]
    public void Each_bad_NIK_is_reported_on_its_line(string nik, string code)
    {
        var items = Import(File(Row(Kk2, nik, "Sutrisno", "KEPALA", "L", "1980-05-12")));
        Assert.Empty(Drafts(items));
        Assert.Contains(Rejected(items), r => r.Line == 2 && r.Field == "nik" && r.Code == code);
    }

    [Fact]
    public void A_31_February_birth_date_is_rejected()
    {
        var items = Import(File(Row(Kk2, "1703123102800001", "Sutrisno", "KEPALA", "L", "1980-02-31")));
        Assert.Contains(Rejected(items), r => r is { Line: 2, Field: "tanggal_lahir", Code: "DATE_FORMAT" });
        Assert.Contains(Rejected(items), r => r is { Line: 2, Field: "nik", Code: "NIK_DATE_INVALID" });
    }

    [Fact]
    public void An_unknown_village_code_is_rejected()
    {
        var items = Import(File(Row(Kk2, OtherHeadNik, "Darwis", "KEPALA", "L", "1970-01-01", village: "17.03.12.9999")));
        var rejected = Assert.Single(Rejected(items));
        Assert.Equal((2L, "kode_desa", "VILLAGE_UNKNOWN"), (rejected.Line, rejected.Field, rejected.Code));
    }

    [Fact]
    public void Other_field_errors_are_reported_with_their_columns()
    {
        var items = Import(File(Row(Kk2, OtherHeadNik, "", "BOSS", "X", "1970-01-01", rt: "0", rw: "1234", desil: "11", program: "BLT")));
        var fields = Rejected(items).Select(r => (r.Field, r.Code)).ToHashSet();
        Assert.Contains(("nama", "REQUIRED"), fields);
        Assert.Contains(("hubungan", "RELATION_INVALID"), fields);
        Assert.Contains(("jenis_kelamin", "SEX_INVALID"), fields);
        Assert.Contains(("rt", "RT_RW_FORMAT"), fields);
        Assert.Contains(("rw", "RT_RW_FORMAT"), fields);
        Assert.Contains(("desil", "DESIL_RANGE"), fields);
        Assert.Contains(("program", "PROGRAMME_INVALID"), fields);
    }

    [Fact]
    public void An_invalid_KK_rejects_every_row_of_it()
    {
        var items = Import(File(
            Row("999999150215000X", HeadNik, "Sutrisno", "KEPALA", "L", "1980-05-12"),
            Row("999999150215000X", WifeNik, "Sumarni", "ISTRI", "P", "1984-11-03")));
        Assert.Equal([2L, 3L], Rejected(items).Where(r => r.Field == "kk").Select(r => r.Line).Distinct());
    }

    [Fact]
    public void Rows_of_a_household_must_agree_on_village_address_desil_and_programmes()
    {
        var items = Import(File(
            Row(Kk1, HeadNik, "Sutrisno", "KEPALA", "L", "1980-05-12"),
            Row(Kk1, WifeNik, "Sumarni", "ISTRI", "P", "1984-11-03", village: "17.03.12.2001", street: "Jl. Lain No. 1"),
            Row(Kk1, SonNik, "Dimas Pratama", "ANAK", "L", "2008-01-20", rt: "4", desil: "3", program: "PKH")));
        Assert.Empty(Drafts(items));
        var codes = Rejected(items).Select(r => (r.Line, r.Field)).ToHashSet();
        Assert.Contains((3L, "kode_desa"), codes);
        Assert.Contains((3L, "alamat"), codes);
        Assert.Contains((4L, "rt"), codes);
        Assert.Contains((4L, "desil"), codes);
        Assert.Contains((4L, "program"), codes);
        Assert.All(Rejected(items).Where(r => r.Line > 2), r => Assert.Equal("HOUSEHOLD_INCONSISTENT", r.Code));
    }

    [Fact]
    public void Equivalent_spellings_agree()
    {
        var items = Import(File(
            Row(Kk1, HeadNik, "Sutrisno", "KEPALA", "L", "1980-05-12", rt: "3", program: "PKH|SEMBAKO"),
            Row(Kk1, WifeNik, "Sumarni", "ISTRI", "P", "1984-11-03", rt: "003", village: "1703122003", program: "SEMBAKO|PKH")));
        var draft = Assert.Single(Drafts(items));
        Assert.Equal([Programme.Sembako, Programme.Pkh], draft.Details.Programmes);
    }

    [Fact]
    public void The_assembler_counts_rows_households_and_rejections()
    {
        var assembler = new HouseholdAssembler(Areas, Today);
        var csv = File(
            Row(Kk1, HeadNik, "Sutrisno", "KEPALA", "L", "1980-05-12"),
            Row(Kk1, WifeNik, "Sumarni", "ISTRI", "P", "1984-11-03"),
            "garbage,\"",
            Row(Kk2, OtherHeadNik, "Darwis", "ANAK", "L", "1970-01-01"));
        var items = assembler.Assemble(new ImportRowReader().Read(new StringReader(csv))).ToList();
        Assert.Equal((3L, 1L, 1L, 2L), (assembler.RowCount, assembler.HouseholdCount, assembler.RejectedHouseholdCount, assembler.RejectedLineCount));
        Assert.Equal(2, items.OfType<RejectedRow>().Count());
    }

    [Fact]
    public void A_household_needs_exactly_one_KEPALA()
    {
        var none = Import(File(
            Row(Kk1, WifeNik, "Sumarni", "ISTRI", "P", "1984-11-03"),
            Row(Kk1, SonNik, "Dimas Pratama", "ANAK", "L", "2008-01-20")));
        Assert.Contains(Rejected(none), r => r is { Line: 2, Code: "HEAD_COUNT" });

        var two = Import(File(
            Row(Kk1, HeadNik, "Sutrisno", "KEPALA", "L", "1980-05-12"),
            Row(Kk1, SonNik, "Dimas Pratama", "KEPALA", "L", "2008-01-20")));
        Assert.Empty(Drafts(two));
        Assert.Equal([2L, 3L], Rejected(two).Where(r => r.Code == "HEAD_COUNT").Select(r => r.Line));
    }

    [Fact]
    public void A_NIK_twice_in_a_household_or_in_the_file_is_rejected()
    {
        var inHousehold = Import(File(
            Row(Kk1, HeadNik, "Sutrisno", "KEPALA", "L", "1980-05-12"),
            Row(Kk1, HeadNik, "Sutrisno", "ANAK", "L", "1980-05-12")));
        Assert.Contains(Rejected(inHousehold), r => r is { Line: 3, Code: "NIK_DUPLICATE_IN_HOUSEHOLD" });

        var inFile = Import(File(
            Row(Kk1, HeadNik, "Sutrisno", "KEPALA", "L", "1980-05-12"),
            Row(Kk2, OtherHeadNik, "Darwis", "KEPALA", "L", "1970-01-01"),
            Row(Kk2, HeadNik, "Sutrisno", "ANAK", "L", "1980-05-12")));
        Assert.Equal([Kk1], Drafts(inFile).Select(d => d.Kk.Value));
        var duplicate = Assert.Single(Rejected(inFile), r => r.Code == "NIK_DUPLICATE_IN_FILE");
        Assert.Equal(4L, duplicate.Line);
        Assert.Contains("baris 2", duplicate.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_KK_that_reappears_later_is_rejected_for_the_later_rows()
    {
        var items = Import(File(
            Row(Kk1, HeadNik, "Sutrisno", "KEPALA", "L", "1980-05-12"),
            Row(Kk2, OtherHeadNik, "Darwis", "KEPALA", "L", "1970-01-01"),
            Row(Kk1, WifeNik, "Sumarni", "ISTRI", "P", "1984-11-03")));
        Assert.Equal([Kk1, Kk2], Drafts(items).Select(d => d.Kk.Value));
        var rejected = Assert.Single(Rejected(items));
        Assert.Equal((4L, "KK_NOT_CONTIGUOUS"), (rejected.Line, rejected.Code));
    }

    [Fact]
    public void A_household_with_too_many_rows_is_rejected_without_buffering_them()
    {
        var rows = Enumerable.Range(1, 40).Select(i =>
            Row(Kk1, $"17031212058{i % 10}{i:D4}", "Anak", i == 1 ? "KEPALA" : "ANAK", "L", $"198{i % 10}-05-12"));
        var items = Import(File([.. rows]));
        Assert.Empty(Drafts(items));
        Assert.Equal(40, Rejected(items).Select(r => r.Line).Distinct().Count());
        Assert.Contains(Rejected(items), r => r.Code == "TOO_MANY_MEMBERS");
    }

    [Fact]
    public void Blank_lines_are_skipped_and_CRLF_is_fine()
    {
        var csv = Header + "\r\n\r\n" + Family1Rows().Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n\r\n";
        var items = Import(csv);
        Assert.Single(Drafts(items));
        Assert.Empty(Rejected(items));
    }

    [Fact]
    public async Task Reads_a_stream_with_a_BOM_and_a_pipe_the_same_way()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Header + "\n" + Family1Rows() + "\n")).ToArray();
        var ct = TestContext.Current.CancellationToken;

        var fromStream = new List<ImportItem>();
        await foreach (var item in HouseholdImport.ReadAsync(new MemoryStream(bytes), Areas, Today, cancellationToken: ct))
        {
            fromStream.Add(item);
        }

        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(bytes, ct);
        await pipe.Writer.CompleteAsync();
        var fromPipe = new List<ImportItem>();
        await foreach (var item in HouseholdImport.ReadAsync(pipe.Reader, Areas, Today, cancellationToken: ct))
        {
            fromPipe.Add(item);
        }

        Assert.Equal(Kk1, Assert.IsType<HouseholdDraft>(Assert.Single(fromStream)).Kk.Value);
        Assert.Equal(Kk1, Assert.IsType<HouseholdDraft>(Assert.Single(fromPipe)).Kk.Value);
    }

    [Fact]
    public void Invalid_UTF8_in_a_name_rejects_that_row()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "\n" + Row(Kk2, OtherHeadNik, "Dar#is", "KEPALA", "L", "1970-01-01") + "\n");
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xC3; // a lone lead byte
        using var reader = ImportRowReader.OpenText(new MemoryStream(bytes));
        var items = HouseholdImport.Read(reader, Areas, Today).ToList();
        Assert.Contains(Rejected(items), r => r is { Line: 2, Field: "nama", Code: "INVALID_CHARACTERS" });
    }

    [Fact]
    public void Memory_stays_flat_while_reading_a_million_rows()
    {
        // A million-person synthetic file produced on the fly: the row reader must not accumulate it.
        using var source = new GeneratedCsvReader(1_000_000);
        var reader = new ImportRowReader();
        long rows = 0;
        long peak = 0;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var item in reader.Read(source))
        {
            if (item is ImportRow)
            {
                rows++;
            }

            if (rows % 250_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{rows} rows, managed heap growth at most {peak / 1024} KiB");
        Assert.Equal(1_000_000, rows);
        Assert.True(peak < 16 * 1024 * 1024, $"heap grew by {peak} bytes");
    }

    /// <summary>A CSV text source that writes rows as they are read, never holding the file.</summary>
    private sealed class GeneratedCsvReader(int rows) : TextReader
    {
        private readonly IEnumerator<ImportRow> rows =
            Bansos.Registry.Domain.Pilot.PilotDataGenerator.GenerateSynthetic(rows, 7, Areas).GetEnumerator();

        private string pending = Header + "\n";
        private int at;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (at == pending.Length)
            {
                if (!rows.MoveNext())
                {
                    return 0;
                }

                var writer = new StringWriter();
                HouseholdCsv.WriteRow(writer, rows.Current);
                pending = writer.ToString();
                at = 0;
            }

            var n = Math.Min(buffer.Length, pending.Length - at);
            pending.AsSpan(at, n).CopyTo(buffer);
            at += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rows.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
