using System.Text;

namespace Bansos.Registry.Domain.Import;

/// <summary>Splits one CSV line into fields by RFC 4180: quoted fields, embedded commas, doubled quotes.</summary>
public static class CsvFields
{
    /// <summary>Values that fill most cells of an import file; a cell equal to one is that string, not a new one.</summary>
    private static readonly string[] CommonValues =
    [
        "KEPALA", "ISTRI", "SUAMI", "ANAK", "ORANG_TUA", "LAINNYA", "L", "P", "SEMBAKO", "PKH", "SEMBAKO|PKH",
        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
    ];

    /// <summary>
    /// Fills <paramref name="fields"/> with the fields of <paramref name="line"/>. Returns null on
    /// success or a message (Indonesian, English in parentheses) saying what is malformed. A field equal
    /// to the same field of <paramref name="previous"/> (the line before) is that string again: the
    /// rows of one household repeat most of their cells, and a million-row import otherwise makes
    /// millions of copies.
    /// </summary>
    public static string? TrySplit(ReadOnlySpan<char> line, List<string> fields, IReadOnlyList<string>? previous = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                i++;
                var segmentStart = i;
                StringBuilder? unescaped = null;
                while (true)
                {
                    var quote = line[i..].IndexOf('"');
                    if (quote < 0)
                    {
                        return "Format CSV salah: tanda kutip tidak ditutup (malformed CSV: unterminated quote)";
                    }

                    quote += i;
                    if (quote + 1 < line.Length && line[quote + 1] == '"')
                    {
                        unescaped ??= new StringBuilder();
                        unescaped.Append(line[segmentStart..(quote + 1)]);
                        i = quote + 2;
                        segmentStart = i;
                        continue;
                    }

                    fields.Add(unescaped is null
                        ? new string(line[segmentStart..quote])
                        : unescaped.Append(line[segmentStart..quote]).ToString());
                    i = quote + 1;
                    break;
                }

                if (i == line.Length)
                {
                    return null;
                }

                if (line[i] != ',')
                {
                    return "Format CSV salah: ada teks setelah tanda kutip penutup (malformed CSV: text after a closing quote)";
                }

                i++;
            }
            else
            {
                var comma = line[i..].IndexOf(',');
                var field = comma < 0 ? line[i..] : line.Slice(i, comma);
                if (field.Contains('"'))
                {
                    return "Format CSV salah: tanda kutip di dalam kolom tanpa kutip (malformed CSV: quote inside an unquoted field)";
                }

                fields.Add(field.Length == 0 ? string.Empty : Text(field, previous, fields.Count));
                if (comma < 0)
                {
                    return null;
                }

                i += comma + 1;
            }

            if (i == line.Length)
            {
                fields.Add(string.Empty);
                return null;
            }
        }
    }

    private static string Text(ReadOnlySpan<char> field, IReadOnlyList<string>? previous, int index)
    {
        if (previous is not null && index < previous.Count && field.SequenceEqual(previous[index]))
        {
            return previous[index];
        }

        foreach (var common in CommonValues)
        {
            if (field.SequenceEqual(common))
            {
                return common;
            }
        }

        return new string(field);
    }

    /// <summary>Writes one field, quoting it when it holds a comma, a quote or a line break.</summary>
    public static void Write(TextWriter writer, string value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
