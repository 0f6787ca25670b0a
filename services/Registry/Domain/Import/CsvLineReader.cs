namespace Bansos.Registry.Domain.Import;

/// <summary>
/// Reads a text file line by line with a hard cap on line length, so that memory stays flat for
/// files of any size and a hostile line of megabytes costs nothing but a <see cref="CsvLine.TooLong"/>
/// marker. Lines end at LF or CRLF.
/// </summary>
/// <remarks>
/// The import format keeps one record per physical line: a quoted field may not span lines. That is
/// deliberate: a stray quote can then spoil only its own line, and the line number of every problem is
/// exact.
/// </remarks>
public sealed class CsvLineReader
{
    public const int DefaultMaxLineLength = 4096;

    /// <summary>How much of a too-long line is kept.</summary>
    public const int TooLongPrefixLength = 64;

    private readonly TextReader reader;
    private readonly int maxLineLength;
    private readonly char[] buffer;
    private int start;
    private int end;
    private long lineNumber;
    private bool endOfInput;
    private bool skipping;
    private string skippedPrefix = string.Empty;

    // The last line taken, as a range of _buffer; valid until the next refill.
    private int lineStart;
    private int lineLength;
    private bool lineTooLong;

    public CsvLineReader(TextReader reader, int maxLineLength = DefaultMaxLineLength)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        this.reader = reader;
        this.maxLineLength = maxLineLength;
        buffer = new char[Math.Max(maxLineLength + 2, 16 * 1024)];
    }

    public int MaxLineLength => maxLineLength;

    /// <summary>The number of the last line returned.</summary>
    public long LineNumber => lineNumber;

    public bool TryRead(out CsvLine line)
    {
        if (!Advance())
        {
            line = default;
            return false;
        }

        line = Current();
        return true;
    }

    /// <summary>
    /// The next line without allocating: <paramref name="text"/> points into the reader's buffer and is
    /// valid only until the next read. A too-long line comes back as its start with <paramref name="tooLong"/> set.
    /// </summary>
    public bool TryReadSpan(out long number, out ReadOnlySpan<char> text, out bool tooLong)
    {
        if (!Advance())
        {
            number = 0;
            text = default;
            tooLong = false;
            return false;
        }

        number = lineNumber;
        tooLong = lineTooLong;
        text = lineTooLong ? skippedPrefix : buffer.AsSpan(lineStart, lineLength);
        return true;
    }

    /// <summary>The next line, or null at the end of input.</summary>
    public async ValueTask<CsvLine?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (TryTakeLine())
            {
                return Current();
            }

            if (endOfInput)
            {
                return TryTakeLast() ? Current() : null;
            }

            Compact();
            var read = await reader.ReadAsync(buffer.AsMemory(end), cancellationToken);
            if (read == 0)
            {
                endOfInput = true;
            }
            else
            {
                end += read;
            }
        }
    }

    public IEnumerable<CsvLine> ReadAll()
    {
        while (TryRead(out var line))
        {
            yield return line;
        }
    }

    private bool Advance()
    {
        while (true)
        {
            if (TryTakeLine())
            {
                return true;
            }

            if (endOfInput)
            {
                return TryTakeLast();
            }

            Compact();
            var read = reader.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                endOfInput = true;
            }
            else
            {
                end += read;
            }
        }
    }

    private CsvLine Current() =>
        lineTooLong
            ? new CsvLine(lineNumber, skippedPrefix, TooLong: true)
            : new CsvLine(lineNumber, lineLength == 0 ? string.Empty : new string(buffer, lineStart, lineLength), TooLong: false);

    private bool TryTakeLine()
    {
        var newline = Array.IndexOf(buffer, '\n', this.start, end - this.start);
        if (newline < 0)
        {
            // Allow one more char than the limit: it may be the CR of a CRLF.
            if (end - this.start > maxLineLength + 1)
            {
                if (!skipping)
                {
                    skipping = true;
                    skippedPrefix = Prefix(this.start, end - this.start);
                }

                this.start = end;
            }

            return false;
        }

        var start = this.start;
        this.start = newline + 1;
        Take(start, newline - start);
        return true;
    }

    private bool TryTakeLast()
    {
        if (!skipping && this.start == end)
        {
            return false;
        }

        var start = this.start;
        this.start = end;
        Take(start, end - start);
        return true;
    }

    private void Take(int start, int length)
    {
        lineNumber++;
        if (skipping)
        {
            skipping = false;
            lineTooLong = true;
            return;
        }

        if (length > 0 && buffer[start + length - 1] == '\r')
        {
            length--;
        }

        if (lineNumber == 1 && length > 0 && buffer[start] == '\uFEFF')
        {
            start++;
            length--;
        }

        lineTooLong = length > maxLineLength;
        if (lineTooLong)
        {
            skippedPrefix = Prefix(start, length);
        }

        lineStart = start;
        lineLength = length;
    }

    private string Prefix(int start, int length)
    {
        if (lineNumber == 0 && length > 0 && buffer[start] == '\uFEFF')
        {
            start++;
            length--;
        }

        return new string(buffer, start, Math.Min(length, TooLongPrefixLength));
    }

    private void Compact()
    {
        if (start == 0)
        {
            return;
        }

        var length = end - start;
        if (length > 0)
        {
            Array.Copy(buffer, start, buffer, 0, length);
        }

        start = 0;
        end = length;
    }
}
