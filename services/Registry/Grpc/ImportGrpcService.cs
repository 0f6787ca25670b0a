using Bansos.Protos.Registry.V1;
using Bansos.Registry.Application;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Hosting;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Bansos.Registry.Grpc;

/// <summary>The household CSV import as a client stream: options first, then the file in chunks.</summary>
[Authorize(Roles = BansosRoles.Admin)]
public sealed class ImportGrpcService(HouseholdImporter importer, ICurrentActor actor) : ImportService.ImportServiceBase
{
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
