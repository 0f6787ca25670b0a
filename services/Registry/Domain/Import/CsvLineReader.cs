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

    private readonly TextReader _reader;
    private readonly int _maxLineLength;
    private readonly char[] _buffer;
    private int _start;
    private int _end;
    private long _lineNumber;
    private bool _endOfInput;
    private bool _skipping;

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
        while (true)
        {
            if (TryTakeLine(out line))
            {
                return true;
            }

            if (_endOfInput)
            {
                return TryTakeLast(out line);
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

    /// <summary>The next line, or null at the end of input.</summary>
    public async ValueTask<CsvLine?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (TryTakeLine(out var line))
            {
                return line;
            }

            if (_endOfInput)
            {
                return TryTakeLast(out line) ? line : null;
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

    private bool TryTakeLine(out CsvLine line)
    {
        var pending = _buffer.AsSpan(_start, _end - _start);
        var newline = pending.IndexOf('\n');
        if (newline < 0)
        {
            // Allow one more char than the limit: it may be the CR of a CRLF.
            if (pending.Length > _maxLineLength + 1)
            {
                _skipping = true;
                _start = _end;
            }

            line = default;
            return false;
        }

        var text = pending[..newline];
        _start += newline + 1;
        line = Make(text);
        return true;
    }

    private bool TryTakeLast(out CsvLine line)
    {
        if (!_skipping && _start == _end)
        {
            line = default;
            return false;
        }

        var text = _buffer.AsSpan(_start, _end - _start);
        _start = _end;
        line = Make(text);
        return true;
    }

    private CsvLine Make(ReadOnlySpan<char> text)
    {
        _lineNumber++;
        if (_skipping)
        {
            _skipping = false;
            return new CsvLine(_lineNumber, string.Empty, TooLong: true);
        }

        if (text.Length > 0 && text[^1] == '\r')
        {
            text = text[..^1];
        }

        if (_lineNumber == 1 && text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        return text.Length > _maxLineLength
            ? new CsvLine(_lineNumber, string.Empty, TooLong: true)
            : new CsvLine(_lineNumber, text.Length == 0 ? string.Empty : new string(text), TooLong: false);
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
