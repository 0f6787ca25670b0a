using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bansos.Protos.Registry.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Bansos.Registry.Tests.Support;

public enum Transport
{
    Grpc,
    Rest,
}

/// <summary>
/// What an import answered, whichever way it was sent: the result, or the file-level error
/// (gRPC InvalidArgument with a field violation; REST a problem document with <c>field</c> and <c>code</c>).
/// </summary>
public sealed record ImportOutcome(ImportResult? Result, string? ErrorField, string? ErrorCode, string? ErrorMessage, int HttpStatus, StatusCode? GrpcStatus)
{
    public ImportResult Ok => Result ?? throw new Xunit.Sdk.XunitException($"The import failed: {ErrorField} {ErrorCode} {ErrorMessage}");

    /// <summary>The rejected rows of one line.</summary>
    public IReadOnlyList<RejectedRow> Line(long line) => [.. Ok.RejectedRows.Where(r => r.Line == line)];
}

/// <summary>Sends a CSV through the gRPC client stream or the REST upload.</summary>
public static class Importer
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ImportOutcome> ImportAsync(
        this RegistryFactory factory, Transport transport, string csv, bool allOrNothing = false, string fileName = "uji.csv")
    {
        if (transport == Transport.Grpc)
        {
            return await GrpcAsync(factory.AsAdmin, Encoding.UTF8.GetBytes(csv), allOrNothing, fileName);
        }

        using var http = factory.Rest(factory.AdminToken);
        return await RestAsync(http, Encoding.UTF8.GetBytes(csv), allOrNothing, fileName);
    }

    /// <summary>Options first, then the file in chunks of <paramref name="chunkSize"/> bytes (any split is allowed).</summary>
    public static async Task<ImportOutcome> GrpcAsync(
        RegistryGrpc client, byte[] file, bool allOrNothing = false, string fileName = "uji.csv", int chunkSize = 7_919)
    {
        using var call = client.Imports.ImportHouseholds(cancellationToken: Ct);
        try
        {
            await call.RequestStream.WriteAsync(new ImportHouseholdsRequest
            {
                Options = new ImportOptions { AllOrNothing = allOrNothing, FileName = fileName },
            }, Ct);
            for (var offset = 0; offset < file.Length; offset += chunkSize)
            {
                var length = Math.Min(chunkSize, file.Length - offset);
                await call.RequestStream.WriteAsync(new ImportHouseholdsRequest { Chunk = ByteString.CopyFrom(file, offset, length) }, Ct);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException)
        {
            // The server answered before taking the whole stream (e.g. the upload is too large): its status follows.
        }

        try
        {
            var result = await call.ResponseAsync;
            return new ImportOutcome(result, null, null, null, 200, StatusCode.OK);
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.InvalidArgument)
        {
            var violations = Errors.Violations(error);
            var violation = violations.Count > 0 ? violations[0] : default;
            return new ImportOutcome(null, violation.Field, null, violation.Description, 400, error.StatusCode);
        }
    }

    /// <summary>POST /api/v1/registry/imports with a text/csv body (Content-Length set, unless <paramref name="chunked"/>).</summary>
    public static async Task<ImportOutcome> RestAsync(
        HttpClient client, byte[] file, bool allOrNothing = false, string fileName = "uji.csv", bool chunked = false)
    {
        HttpContent content = chunked
            ? new StreamContent(new UnknownLengthStream(file))
            : new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        var url = $"/api/v1/registry/imports?allOrNothing={(allOrNothing ? "true" : "false")}&fileName={Uri.EscapeDataString(fileName)}";
        using var response = await client.PostAsync(url, content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            return new ImportOutcome(Parser.Parse<ImportResult>(text), null, null, null, 200, null);
        }

        if (text.Length == 0)
        {
            return new ImportOutcome(null, null, null, null, (int)response.StatusCode, null);
        }

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(text);
        var root = problem.RootElement;
        return new ImportOutcome(
            null,
            root.TryGetProperty("field", out var field) ? field.GetString() : null,
            root.TryGetProperty("code", out var code) ? code.GetString() : null,
            root.TryGetProperty("detail", out var detail) ? detail.GetString() : null,
            (int)response.StatusCode,
            null);
    }

    /// <summary>A body whose length the client cannot know: sent chunked, so only the server's own limit can stop it.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
    }
}
