using System.Text;
using Bansos.Registry.Tests.Support;

namespace Bansos.Registry.Tests.Import;

/// <summary>A registry whose upload limit is 64 KB (<c>Bansos:Registry:MaxUploadBytes</c>), so the limit is tested without sending 100 MB.</summary>
public sealed class SmallUploadLimitRegistry() : RegistryFactory(RegistryHostOptions.Empty with { MaxUploadBytes = UploadLimitTests.Limit });

/// <summary>
/// An upload over the configured limit is refused before anything is written — REST 413 (whether or
/// not the client announced the length), gRPC InvalidArgument on the <c>file</c> field — the spooled
/// part is deleted, and the service goes on importing files within the limit.
/// </summary>
[Collection(RegistryHostCollection.Name)]
public sealed class UploadLimitTests(SmallUploadLimitRegistry registry) : IClassFixture<SmallUploadLimitRegistry>
{
    public const int Limit = 64 * 1024;

    private static int nextFamily = 380;

    /// <summary>The pilot file is about 300 KB: well over the limit, and valid, so only its size is wrong.</summary>
    private static byte[] Oversized => File.ReadAllBytes(Pilot.File);

    [Fact]
    public async Task Over_gRPC_it_is_InvalidArgument_and_nothing_is_written()
    {
        var before = await registry.StateAsync();
        Assert.True(Oversized.Length > 4 * Limit);

        var outcome = await Importer.GrpcAsync(registry.AsAdmin, Oversized, chunkSize: 16 * 1024);

        Assert.Equal(global::Grpc.Core.StatusCode.InvalidArgument, outcome.GrpcStatus);
        Assert.Equal("file", outcome.ErrorField);
        Assert.Contains("file exceeds the 64 KB limit", outcome.ErrorMessage, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task Over_REST_with_a_content_length_it_is_413_and_nothing_is_written()
    {
        var before = await registry.StateAsync();
        using var http = registry.Rest(registry.AdminToken);

        var outcome = await Importer.RestAsync(http, Oversized);

        Assert.Equal(413, outcome.HttpStatus);
        Assert.Contains("upload limit 64 KB", outcome.ErrorMessage, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task Over_REST_chunked_without_a_length_it_is_413_and_nothing_is_written()
    {
        var before = await registry.StateAsync();
        using var http = registry.Rest(registry.AdminToken);

        var outcome = await Importer.RestAsync(http, Oversized, chunked: true);

        Assert.Equal(413, outcome.HttpStatus);
        await AssertNothingWrittenAsync(before);
    }

    [Theory]
    [InlineData(Transport.Grpc)]
    [InlineData(Transport.Rest)]
    public async Task A_file_just_under_the_limit_is_imported(Transport transport)
    {
        // Whole households of the pilot file (other tests here import nothing, so they are new) up to the limit.
        var offset = transport == Transport.Grpc ? 0 : 200;
        var households = PilotRow.All.GroupBy(r => r.Kk).Skip(offset).ToList();
        var text = new StringBuilder(TestFamilies.Header).Append('\n');
        var count = 0;
        var lines = File.ReadAllLines(Pilot.File);
        foreach (var household in households)
        {
            var rows = string.Concat(household.Select(r => lines[r.Line - 1] + "\n"));
            if (Encoding.UTF8.GetByteCount(text.ToString() + rows) > Limit)
            {
                break;
            }

            text.Append(rows);
            count++;
        }

        var file = text.ToString();
        Assert.InRange(Encoding.UTF8.GetByteCount(file), Limit - 2_000, Limit);

        var result = (await registry.ImportAsync(transport, file)).Ok;

        Assert.Equal(count, result.HouseholdsCreated);
        Assert.Equal(0, result.RowsRejected);
    }

    private async Task AssertNothingWrittenAsync(RegistryState before)
    {
        Assert.Equal(before, await registry.StateAsync());
        Assert.Empty(Directory.Exists(registry.SpoolDirectory) ? Directory.GetFiles(registry.SpoolDirectory) : []);

        // And the service still takes a file within the limit.
        var family = TestFamilies.Create(Interlocked.Increment(ref nextFamily));
        var result = (await registry.ImportAsync(Transport.Rest, TestFamilies.Csv([family]))).Ok;
        Assert.Equal(1, result.HouseholdsCreated);
    }
}
