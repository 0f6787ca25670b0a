using Bansos.Registry.Application;
using Bansos.Registry.Grpc;
using Bansos.ServiceDefaults.Auth;
using Google.Protobuf;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bansos.Registry.Http;

/// <summary>
/// The CSV import for admins over plain HTTP: <c>POST /api/v1/registry/imports</c> with a
/// <c>text/csv</c> body. Same pipeline and same answer as the gRPC client stream (docs/decisions.md D5).
/// </summary>
public static class ImportEndpoints
{
    // Zero counts are written out: a client reading "householdsRejected": 0 should not have to guess.
    private static readonly JsonFormatter ResultJson = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/registry/imports", ImportAsync)
            .RequireAuthorization(policy => policy.RequireRole(BansosRoles.Admin))
            .Accepts<string>("text/csv")
            .WithName("ImportHouseholds");
        return routes;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ImportAsync(
        HttpContext context, HouseholdImporter importer, RegistryOptions options, ICurrentActor actor,
        bool allOrNothing = false, string? fileName = null)
    {
        var ct = context.RequestAborted;
        if (context.Request.ContentLength > options.MaxUploadBytes)
        {
            return TooLarge(options);
        }

        // Our own limit applies (see ImportUpload); Kestrel's default 30 MB would cut a valid file.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = null;
        }

        await using var upload = await importer.ReceiveAsync((target, token) => context.Request.Body.CopyToAsync(target, token), ct);
        var report = await importer.ImportAsync(
            upload, new ImportRequest(allOrNothing, Path.GetFileName(fileName ?? "upload.csv")), actor.Subject, ct);
        if (report.FileError is { Code: "FILE_TOO_LARGE" })
        {
            return TooLarge(options);
        }

        if (report.FileError is { } error)
        {
            return TypedResults.Problem(
                title: "Berkas impor tidak dapat dibaca (the import file cannot be read)",
                detail: error.Message,
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["field"] = error.Field, ["code"] = error.Code });
        }

        // The same JSON as the gRPC ImportResult under JSON transcoding.
        return TypedResults.Content(ResultJson.Format(ImportMapping.ToResult(report)), "application/json");
    }

    private static ProblemHttpResult TooLarge(RegistryOptions options) => TypedResults.Problem(
        title: "Berkas terlalu besar (file too large)",
        detail: $"Batas unggahan {options.MaxUploadText} (upload limit {options.MaxUploadText}).",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
