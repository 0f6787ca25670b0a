using Bansos.Protos.Registry.V1;
using Bansos.Registry.Application;
using Bansos.Registry.Data;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Bansos.Registry.Grpc;

/// <summary>The household CSV import as a client stream: options first, then the file in chunks.</summary>
public sealed class ImportGrpcService(HouseholdImporter importer, ICurrentActor actor, IDatabase database) : ImportService.ImportServiceBase
{
    public const int MaxPageSize = 500;

    [Authorize(Roles = $"{BansosRoles.Admin},{BansosRoles.Auditor}")]
    public override async Task<ListImportsResponse> ListImports(ListImportsRequest request, ServerCallContext context)
    {
        if (request.PageSize is < 0 or > MaxPageSize)
        {
            throw new ValidationException("page_size", $"Ukuran halaman 1–{MaxPageSize} (page size must be 1–{MaxPageSize}).");
        }

        await using var connection = await database.OpenConnectionAsync(context.CancellationToken);
        var rows = await ImportLog.ListAsync(connection, request.PageSize == 0 ? 50 : request.PageSize, context.CancellationToken);
        return new ListImportsResponse { Imports = { rows.Select(ImportMapping.ToSummary) } };
    }

    [Authorize(Roles = BansosRoles.Admin)]
    public override async Task<ImportResult> ImportHouseholds(
        IAsyncStreamReader<ImportHouseholdsRequest> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var options = new ImportOptions();
        var first = true;
        await using var upload = await importer.ReceiveAsync(async (target, token) =>
        {
            await foreach (var message in requestStream.ReadAllAsync(token))
            {
                switch (message.PartCase)
                {
                    case ImportHouseholdsRequest.PartOneofCase.Options when first:
                        options = message.Options;
                        break;
                    case ImportHouseholdsRequest.PartOneofCase.Options:
                        throw new ValidationException("options", "Opsi hanya boleh di pesan pertama (options must come first and once).");
                    case ImportHouseholdsRequest.PartOneofCase.Chunk:
                        await target.WriteAsync(message.Chunk.Memory, token);
                        break;
                }

                first = false;
            }
        }, ct);

        var report = await importer.ImportAsync(
            upload, new ImportRequest(options.AllOrNothing, FileName(options.FileName)), actor.Subject, ct);
        if (report.FileError is { } error)
        {
            throw new ValidationException(error.Field, error.Message);
        }

        return ImportMapping.ToResult(report);
    }

    private static string FileName(string name)
    {
        var file = Path.GetFileName(name.Trim());
        return file.Length == 0 ? "upload.csv" : file[..Math.Min(file.Length, 200)];
    }
}
