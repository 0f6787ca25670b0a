using System.IO.Pipelines;
using Bansos.Registry.Domain.Areas;

namespace Bansos.Registry.Domain.Import;

/// <summary>
/// The whole import pipeline in one call: CSV text → <see cref="HouseholdDraft"/>s,
/// <see cref="RejectedRow"/>s and at most one <see cref="ImportFileError"/>, streamed.
/// </summary>
public static class HouseholdImport
{
    public static IEnumerable<ImportItem> Read(
        TextReader reader, AreaReference areas, DateOnly today, int maxLineLength = CsvLineReader.DefaultMaxLineLength) =>
        new HouseholdAssembler(areas, today).Assemble(new ImportRowReader(maxLineLength).Read(reader));

    /// <summary>An average CSV row is about a hundred bytes (116 in the synthetic million-person file).</summary>
    public const int TypicalRowBytes = 100;

    /// <summary>From a stream of known length (the spooled upload), the duplicate checks are sized from it up front.</summary>
    public static IAsyncEnumerable<ImportItem> ReadAsync(
        Stream stream, AreaReference areas, DateOnly today, int maxLineLength = CsvLineReader.DefaultMaxLineLength,
        CancellationToken cancellationToken = default) =>
        new HouseholdAssembler(areas, today, ExpectedRows(stream)).AssembleAsync(
            new ImportRowReader(maxLineLength).ReadAsync(stream, cancellationToken), cancellationToken);

    public static IAsyncEnumerable<ImportItem> ReadAsync(
        PipeReader pipe, AreaReference areas, DateOnly today, int maxLineLength = CsvLineReader.DefaultMaxLineLength,
        CancellationToken cancellationToken = default) =>
        new HouseholdAssembler(areas, today).AssembleAsync(
            new ImportRowReader(maxLineLength).ReadAsync(pipe, cancellationToken), cancellationToken);

    private static int ExpectedRows(Stream stream) =>
        stream.CanSeek ? (int)Math.Clamp(stream.Length / TypicalRowBytes, 0, 20_000_000) : 0;
}
