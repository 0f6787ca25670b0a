namespace Bansos.Registry.Domain.Import;

/// <summary>
/// One physical line of a CSV file. <see cref="TooLong"/> lines carry no text: they were skipped
/// without being held in memory.
/// </summary>
/// <param name="Number">1-based line number in the file.</param>
/// <param name="Text">The line without its line break (and without a UTF-8 BOM on line 1).</param>
/// <param name="TooLong">The line exceeded the maximum length and was skipped.</param>
public readonly record struct CsvLine(long Number, string Text, bool TooLong);
