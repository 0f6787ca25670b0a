using System.Text;
using Bansos.Registry.Domain.Import;

namespace Bansos.Registry.Tests.Domain;

public sealed class CsvReadingTests
{
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        Assert.Null(CsvFields.TrySplit(line, fields));
        return fields;
    }

    [Fact]
    public void A_field_equal_to_the_line_before_reuses_its_string_and_every_value_stays_right()
    {
        var previous = Split("1703122003210001,1703124101900002,Siti,ISTRI,P,1990-01-01,17.03.12.2003,Jl. Sawit,001,002,3,SEMBAKO");
        var fields = new List<string>();

        Assert.Null(CsvFields.TrySplit("1703122003210001,1703121501150003,Budi,ANAK,L,2015-01-15,17.03.12.2003,Jl. Sawit,001,002,3,SEMBAKO", fields, previous));

        Assert.Equal(
            ["1703122003210001", "1703121501150003", "Budi", "ANAK", "L", "2015-01-15", "17.03.12.2003", "Jl. Sawit", "001", "002", "3", "SEMBAKO"],
            fields);
        Assert.Same(previous[0], fields[0]);
        Assert.Same(previous[7], fields[7]);
        Assert.NotSame(previous[1], fields[1]);
    }

    [Fact]
    public void Splits_RFC_4180_fields()
    {
        Assert.Equal(["a", "b", "c"], Split("a,b,c"));
        Assert.Equal(["a", "", "c", ""], Split("a,,c,"));
        Assert.Equal([""], Split(""));
        Assert.Equal(["Soka\"an", "x"], Split("\"Soka\"\"an\",x"));
        Assert.Equal(["Jl. Lintas Barat, No. 12", "003"], Split("\"Jl. Lintas Barat, No. 12\",003"));
        Assert.Equal(["\"", ""], Split("\"\"\"\","));
        Assert.Equal(["", "x"], Split("\"\",x"));
    }

    [Theory]
    [InlineData("\"abc,def")] // unterminated
    [InlineData("\"abc\"x,def")] // text after the closing quote
    [InlineData("ab\"c,def")] // quote inside an unquoted field
    public void Reports_malformed_quoting(string line) => Assert.NotNull(CsvFields.TrySplit(line, []));

    [Fact]
    public void Writing_then_splitting_round_trips()
    {
        string[] values = ["plain", "with, comma", "with \"quotes\"", "'; DROP TABLE households; --", ""];
        var writer = new StringWriter();
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            CsvFields.Write(writer, values[i]);
        }

        Assert.Equal(values, Split(writer.ToString()));
    }

    [Fact]
    public void Line_reader_numbers_lines_handles_CRLF_and_a_missing_last_newline()
    {
        var reader = new CsvLineReader(new StringReader("a\r\nb\n\nc"));
        var lines = reader.ReadAll().ToList();
        Assert.Equal([(1L, "a"), (2L, "b"), (3L, ""), (4L, "c")], lines.Select(l => (l.Number, l.Text)));
        Assert.All(lines, l => Assert.False(l.TooLong));
    }

    [Fact]
    public void Line_reader_strips_a_BOM_left_in_the_text()
    {
        var line = new CsvLineReader(new StringReader("\uFEFFkk,nik\nx")).ReadAll().First();
        Assert.Equal("kk,nik", line.Text);
    }

    [Theory]
    [InlineData(10, 10, false)]
    [InlineData(10, 11, true)]
    [InlineData(4096, 10_000, true)]
    [InlineData(100, 1_000_000, true)]
    public void Line_reader_rejects_long_lines_and_goes_on(int max, int length, bool tooLong)
    {
        var text = "first\n" + new string('x', length) + "\r\nlast\n";
        var lines = new CsvLineReader(new StringReader(text), max).ReadAll().ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal(tooLong, lines[1].TooLong);
        Assert.Equal(2, lines[1].Number);
        Assert.Equal((3L, "last"), (lines[2].Number, lines[2].Text));
        if (tooLong)
        {
            Assert.Equal(Math.Min(length, CsvLineReader.TooLongPrefixLength), lines[1].Text.Length); // only the start is kept
        }
    }

    [Fact]
    public async Task Line_reader_async_matches_sync()
    {
        var text = string.Join('\n', Enumerable.Range(1, 5000).Select(i => i % 997 == 0 ? new string('y', 5000) : $"line {i}"));
        var sync = new CsvLineReader(new StringReader(text)).ReadAll().ToList();
        var reader = new CsvLineReader(new StringReader(text));
        var async = new List<CsvLine>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken) is { } line)
        {
            async.Add(line);
        }

        Assert.Equal(sync, async);
        Assert.Equal(5000, sync.Count);
        Assert.Equal(5, sync.Count(l => l.TooLong));
    }

    [Fact]
    public void A_huge_line_without_newlines_does_not_grow_memory()
    {
        // 64 million characters of one "line", produced on the fly: the reader must skip, not buffer.
        var reader = new CsvLineReader(new RepeatingReader('z', 64_000_000, "\nkk,after\n"));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var lines = reader.ReadAll().ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(lines[0].TooLong);
        Assert.Equal("kk,after", lines[1].Text);
        Assert.True(allocated < 1_000_000, $"allocated {allocated} bytes");
    }

    /// <summary>Produces <c>count</c> copies of a char and then a tail, without ever holding them.</summary>
    internal sealed class RepeatingReader(char c, long count, string tail) : TextReader
    {
        private long left = count;
        private int tailRead;

        public override int Read(char[] buffer, int index, int length) => Read(buffer.AsSpan(index, length));

        public override int Read(Span<char> buffer)
        {
            if (left > 0)
            {
                var n = (int)Math.Min(buffer.Length, left);
                buffer[..n].Fill(c);
                left -= n;
                return n;
            }

            var rest = Math.Min(buffer.Length, tail.Length - tailRead);
            tail.AsSpan(tailRead, rest).CopyTo(buffer);
            tailRead += rest;
            return rest;
        }
    }

    [Fact]
    public void Stream_reader_skips_a_UTF8_BOM()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(TestData.Header + "\n")).ToArray();
        using var reader = ImportRowReader.OpenText(new MemoryStream(bytes));
        Assert.Equal(TestData.Header, reader.ReadLine());
    }
}
