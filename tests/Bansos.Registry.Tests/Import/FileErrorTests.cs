using System.Text;
using Bansos.Registry.Tests.Support;

namespace Bansos.Registry.Tests.Import;

/// <summary>
/// Problems with the file as a whole (empty, wrong header) and with the upload stream itself: a clear
/// error — gRPC InvalidArgument with the field, REST 400 problem details with field and code — and not
/// one row written, whatever valid rows follow.
/// </summary>
[Collection(RegistryHostCollection.Name)]
public sealed class FileErrorTests(EmptyRegistry registry) : IClassFixture<EmptyRegistry>
{
    public static TheoryData<Transport> Transports => new() { Transport.Grpc, Transport.Rest };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_empty_file_is_refused(Transport transport)
    {
        await AssertRefusedAsync(transport, "", "FILE_EMPTY", "the file is empty");
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_file_of_blank_lines_is_refused_as_empty(Transport transport)
    {
        await AssertRefusedAsync(transport, "\n\n\r\n", "FILE_EMPTY", "the file is empty");
    }

    [Theory]
    [InlineData(Transport.Grpc, "nik,kk,nama,hubungan,jenis_kelamin,tanggal_lahir,kode_desa,alamat,rt,rw,desil,program")]
    [InlineData(Transport.Rest, "KK,NIK,NAMA,HUBUNGAN,JENIS_KELAMIN,TANGGAL_LAHIR,KODE_DESA,ALAMAT,RT,RW,DESIL,PROGRAM")]
    [InlineData(Transport.Grpc, "kk;nik;nama;hubungan;jenis_kelamin;tanggal_lahir;kode_desa;alamat;rt;rw;desil;program")]
    [InlineData(Transport.Rest, "kk,nik,nama,hubungan,jenis_kelamin,tanggal_lahir,kode_desa,alamat,rt,rw,desil")]
    public async Task A_wrong_header_is_refused_even_with_valid_rows_after_it(Transport transport, string header)
    {
        var rows = TestFamilies.Create(300).Rows();

        await AssertRefusedAsync(transport, header + "\n" + string.Join('\n', rows) + "\n", "HEADER_INVALID", "the header row must be exactly");
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_file_with_no_header_at_all_is_refused(Transport transport)
    {
        // The first family's first row where the header should be.
        var rows = TestFamilies.Create(301).Rows();

        await AssertRefusedAsync(transport, string.Join('\n', rows) + "\n", "HEADER_INVALID", "the header row must be exactly");
    }

    [Fact]
    public async Task Import_options_after_the_first_message_are_InvalidArgument()
    {
        var before = await registry.StateAsync();
        using var call = registry.AsAdmin.Imports.ImportHouseholds(cancellationToken: TestContext.Current.CancellationToken);

        // The service may end the call as soon as it reads the stray options, so the status can surface on
        // the second write or on completing the stream as well as on the response: all three are the call.
        var error = await Errors.FailsAsync(global::Grpc.Core.StatusCode.InvalidArgument, async () =>
        {
            await call.RequestStream.WriteAsync(new() { Chunk = Google.Protobuf.ByteString.CopyFromUtf8(TestFamilies.Csv([TestFamilies.Create(302)])) }, TestContext.Current.CancellationToken);
            await call.RequestStream.WriteAsync(new() { Options = new() { AllOrNothing = true } }, TestContext.Current.CancellationToken);
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        });

        Errors.Violation(error, "options");
        Assert.Equal(before, await registry.StateAsync());
        Assert.Empty(Directory.Exists(registry.SpoolDirectory) ? Directory.GetFiles(registry.SpoolDirectory) : []);
    }

    private async Task AssertRefusedAsync(Transport transport, string csv, string code, string reason)
    {
        var before = await registry.StateAsync();

        using var http = registry.Rest(registry.AdminToken);
        var outcome = transport == Transport.Grpc
            ? await Importer.GrpcAsync(registry.AsAdmin, Encoding.UTF8.GetBytes(csv))
            : await Importer.RestAsync(http, Encoding.UTF8.GetBytes(csv));

        Assert.Null(outcome.Result);
        Assert.Equal(400, outcome.HttpStatus);
        Assert.Equal("berkas", outcome.ErrorField);
        Assert.Contains(reason, outcome.ErrorMessage, StringComparison.Ordinal);
        if (transport == Transport.Grpc)
        {
            Assert.Equal(global::Grpc.Core.StatusCode.InvalidArgument, outcome.GrpcStatus);
        }
        else
        {
            Assert.Equal(code, outcome.ErrorCode);
        }

        Assert.Equal(before, await registry.StateAsync());
        Assert.Empty(Directory.Exists(registry.SpoolDirectory) ? Directory.GetFiles(registry.SpoolDirectory) : []);
    }
}
