namespace Bansos.Registry.Domain.Import;

/// <summary>
/// One physical line of a CSV file. Of a <see cref="TooLong"/> line only the first
/// <see cref="CsvLineReader.TooLongPrefixLength"/> characters are kept (enough to tell which KK it
/// belonged to); the rest was skipped without being held in memory.
/// </summary>
/// <param name="Number">1-based line number in the file.</param>
/// <param name="Text">The line without its line break (and without a UTF-8 BOM on line 1); for a too-long line, its start.</param>
/// <param name="TooLong">The line exceeded the maximum length and was skipped.</param>
public readonly record struct CsvLine(long Number, string Text, bool TooLong);
