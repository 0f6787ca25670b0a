using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;

namespace Bansos.Registry.Domain.Import;

/// <summary>
/// Streams the import CSV as <see cref="ImportRow"/>s with their line numbers, without loading the
/// file: memory stays flat for millions of rows. Lines longer than the maximum are rejected by line
/// number and reading goes on with the next line. An empty file or a header other than
/// <see cref="HouseholdCsv.Header"/> yields one <see cref="ImportFileError"/> and nothing else.
/// </summary>
public sealed class ImportRowReader(int maxLineLength = CsvLineReader.DefaultMaxLineLength)
{
    public int MaxLineLength { get; } = maxLineLength;

    public IEnumerable<ImportItem> Read(TextReader reader)
    {
        var lines = new CsvLineReader(reader, MaxLineLength);
        var state = new RowParser(MaxLineLength);
        while (lines.TryRead(out var line))
        {
            if (state.Accept(line) is { } item)
            {
                yield return item;
                if (item is ImportFileError)
                {
                    yield break;
                }
            }
        }

        if (state.Finish() is { } last)
        {
            yield return last;
        }
    }

    public async IAsyncEnumerable<ImportItem> ReadAsync(
        TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lines = new CsvLineReader(reader, MaxLineLength);
        var state = new RowParser(MaxLineLength);
        while (await lines.ReadAsync(cancellationToken) is { } line)
        {
            if (state.Accept(line) is { } item)
            {
                yield return item;
                if (item is ImportFileError)
                {
                    yield break;
                }
            }
        }

        if (state.Finish() is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Reads UTF-8 (with or without BOM) from a stream; the stream stays open.</summary>
    public async IAsyncEnumerable<ImportItem> ReadAsync(
        Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = OpenText(stream);
        await foreach (var item in ReadAsync(reader, cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>Reads UTF-8 (with or without BOM) from a pipe, e.g. an ASP.NET request body.</summary>
    public IAsyncEnumerable<ImportItem> ReadAsync(PipeReader pipe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        return ReadAsync(pipe.AsStream(leaveOpen: true), cancellationToken);
    }

    /// <summary>
    /// UTF-8 text over a stream, BOM skipped. Invalid bytes become U+FFFD rather than an exception, so
    /// the row holding them is rejected by name/field validation with its line number.
    /// </summary>
    public static StreamReader OpenText(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false),
            detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);

    /// <summary>The per-line logic, shared by the sync and async loops.</summary>
    private sealed class RowParser(int maxLineLength)
    {
        private List<string> fields = new(HouseholdCsv.ColumnCount + 1);

        // The previous row's fields: rows of one household repeat most of them (KK, village, street…).
        private List<string> previousFields = new(HouseholdCsv.ColumnCount + 1);
        private bool headerSeen;
        private bool headerBlank;

        public ImportItem? Accept(CsvLine line)
        {
            if (!headerSeen)
            {
                headerSeen = true;
                if (!line.TooLong && line.Text.Length == 0)
                {
                    // An empty first line is fine only if nothing else follows (then the file is empty).
                    headerBlank = true;
                    return null;
                }

                return !line.TooLong && string.Equals(line.Text, HouseholdCsv.Header, StringComparison.Ordinal)
                    ? null
                    : new ImportFileError(DomainErrors.HeaderInvalid(HouseholdCsv.Header));
            }

            if (headerBlank)
            {
                if (line.TooLong || !string.IsNullOrWhiteSpace(line.Text))
                {
                    headerBlank = false;
                    return new ImportFileError(DomainErrors.HeaderInvalid(HouseholdCsv.Header));
                }

                return null;
            }

            if (line.TooLong)
            {
                return RejectedRow.From(line.Number, DomainErrors.LineTooLong(maxLineLength), KkHint(line.Text));
            }

            if (string.IsNullOrWhiteSpace(line.Text))
            {
                return null; // blank lines (often one at the end) carry nothing
            }

            (fields, previousFields) = (previousFields, fields);
            if (CsvFields.TrySplit(line.Text, fields, previousFields) is { } malformed)
            {
                return RejectedRow.From(line.Number, DomainErrors.CsvMalformed(malformed), KkHint(line.Text));
            }

            if (fields.Count != HouseholdCsv.ColumnCount)
            {
                return RejectedRow.From(
                    line.Number, DomainErrors.ColumnCount(HouseholdCsv.ColumnCount, fields.Count), KkHint(line.Text));
            }

            var f = fields;
            return new ImportRow(line.Number, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11]);
        }

        /// <summary>
        /// The first field of a line that could not be parsed, if it looks like a KK number: the
        /// assembler uses it to reject the household the line belonged to rather than import it short
        /// of a member.
        /// </summary>
        private static string? KkHint(string text)
        {
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            var first = (comma < 0 ? text : text[..comma]).Trim().Trim('"');
            return first.Length == 16 && Digits.AreAll(first) ? first : null;
        }

        /// <summary>At the end of input: an empty file is a file-level error.</summary>
        public ImportItem? Finish() =>
            !headerSeen || headerBlank ? new ImportFileError(DomainErrors.FileEmpty()) : null;
    }
}
