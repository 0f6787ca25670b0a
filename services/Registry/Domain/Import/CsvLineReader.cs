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

    private readonly TextReader _reader;
    private readonly int _maxLineLength;
    private readonly char[] _buffer;
    private int _start;
    private int _end;
    private long _lineNumber;
    private bool _endOfInput;
    private bool _skipping;
    private string _skippedPrefix = string.Empty;

    // The last line taken, as a range of _buffer; valid until the next refill.
    private int _lineStart;
    private int _lineLength;
    private bool _lineTooLong;

    public CsvLineReader(TextReader reader, int maxLineLength = DefaultMaxLineLength)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        _reader = reader;
        _maxLineLength = maxLineLength;
        _buffer = new char[Math.Max(maxLineLength + 2, 16 * 1024)];
    }

    public int MaxLineLength => _maxLineLength;

    /// <summary>The number of the last line returned.</summary>
    public long LineNumber => _lineNumber;

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

        number = _lineNumber;
        tooLong = _lineTooLong;
        text = _lineTooLong ? _skippedPrefix : _buffer.AsSpan(_lineStart, _lineLength);
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

            if (_endOfInput)
            {
                return TryTakeLast() ? Current() : null;
            }

            Compact();
            var read = await _reader.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                _endOfInput = true;
            }
            else
            {
                _end += read;
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

            if (_endOfInput)
            {
                return TryTakeLast();
            }

            Compact();
            var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfInput = true;
            }
            else
            {
                _end += read;
            }
        }
    }

    private CsvLine Current() =>
        _lineTooLong
            ? new CsvLine(_lineNumber, _skippedPrefix, TooLong: true)
            : new CsvLine(_lineNumber, _lineLength == 0 ? string.Empty : new string(_buffer, _lineStart, _lineLength), TooLong: false);

    private bool TryTakeLine()
    {
        var newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
        if (newline < 0)
        {
            // Allow one more char than the limit: it may be the CR of a CRLF.
            if (_end - _start > _maxLineLength + 1)
            {
                if (!_skipping)
                {
                    _skipping = true;
                    _skippedPrefix = Prefix(_start, _end - _start);
                }

                _start = _end;
            }

            return false;
        }

        var start = _start;
        _start = newline + 1;
        Take(start, newline - start);
        return true;
    }

    private bool TryTakeLast()
    {
        if (!_skipping && _start == _end)
        {
            return false;
        }

        var start = _start;
        _start = _end;
        Take(start, _end - start);
        return true;
    }

    private void Take(int start, int length)
    {
        _lineNumber++;
        if (_skipping)
        {
            _skipping = false;
            _lineTooLong = true;
            return;
        }

        if (length > 0 && _buffer[start + length - 1] == '\r')
        {
            length--;
        }

        if (_lineNumber == 1 && length > 0 && _buffer[start] == '\uFEFF')
        {
            start++;
            length--;
        }

        _lineTooLong = length > _maxLineLength;
        if (_lineTooLong)
        {
            _skippedPrefix = Prefix(start, length);
        }

        _lineStart = start;
        _lineLength = length;
    }

    private string Prefix(int start, int length)
    {
        if (_lineNumber == 0 && length > 0 && _buffer[start] == '\uFEFF')
        {
            start++;
            length--;
        }

        return new string(_buffer, start, Math.Min(length, TooLongPrefixLength));
    }

    private void Compact()
    {
        if (_start == 0)
        {
            return;
        }

        var length = _end - _start;
        if (length > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, length);
        }

        _start = 0;
        _end = length;
    }
}
