using Bansos.Protos.Registry.V1;
using Bansos.Registry.Application;
using Bansos.Registry.Data;
using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Areas;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Hosting;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using DomainStatus = Bansos.Contracts.HouseholdStatus;
using HouseholdStatus = Bansos.Protos.Registry.V1.HouseholdStatus;
using RemovalReason = Bansos.Registry.Domain.RemovalReason;

namespace Bansos.Registry.Grpc;

/// <summary>Households: read for admins, operators and auditors (masked); status changes for admins.</summary>
public sealed class HouseholdGrpcService(
    HouseholdQueries queries, HouseholdCommands commands, AreaReference areas, ICurrentActor actor)
    : HouseholdService.HouseholdServiceBase
{
    [Authorize(Roles = $"{BansosRoles.Admin},{BansosRoles.Operator},{BansosRoles.Auditor}")]
    public override async Task<Household> GetHousehold(GetHouseholdRequest request, ServerCallContext context)
    {
        var id = RequestParsing.HouseholdId(request.HouseholdId);
        var details = await queries.GetAsync(id, context.CancellationToken)
            ?? throw new NotFoundException("Keluarga tidak ditemukan (household not found).");
        var village = areas.Find(details.Household.VillageCode)?.Name ?? "";
        return HouseholdMapping.ToHousehold(details, village, new Disclosure(actor));
    }

    [Authorize(Roles = $"{BansosRoles.Admin},{BansosRoles.Operator},{BansosRoles.Auditor}")]
    public override async Task<SearchHouseholdsResponse> SearchHouseholds(SearchHouseholdsRequest request, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        string? village = null, district = null, programme = null;
        if (request.VillageCode.Length > 0)
        {
            village = areas.FindVillage(request.VillageCode)?.Code;
            if (village is null)
            {
                violations.Add(new("village_code", "Kode desa tidak dikenal (unknown village code)."));
            }
        }

        if (request.DistrictCode.Length > 0)
        {
            district = areas.Find(request.DistrictCode) is { Level: AreaLevel.District } d ? d.Code : null;
            if (district is null)
            {
                violations.Add(new("district_code", "Kode kecamatan tidak dikenal (unknown district code)."));
            }
        }

        if (request.Programme.Length > 0)
        {
            var parsed = ProgrammeCodes.Parse(request.Programme, "programme");
            if (parsed.IsValid)
            {
                programme = parsed.Value.ToCode();
            }
            else
            {
                violations.AddRange(parsed.Errors.Select(e => new FieldViolation(e.Field, e.Message)));
            }
        }

        if (request.PageSize is < 0 or > HouseholdQueries.MaxPageSize)
        {
            violations.Add(new("page_size", $"Ukuran halaman 1–{HouseholdQueries.MaxPageSize} (page size must be 1–{HouseholdQueries.MaxPageSize})."));
        }

        var disclosure = new Disclosure(actor);
        if (disclosure.Masked && request.NamePrefix.Trim().Length > 0)
        {
            // With total_count, a prefix search spells masked names letter by letter.
            throw GrpcExceptionInterceptor.PermissionDenied(
                "Auditor tidak boleh mencari berdasarkan nama (auditors may not search by name).",
                [new("name_prefix", "Pencarian nama hanya untuk admin dan operator (name search is for admins and operators only).")]);
        }

        if (request.NamePrefix.Length > 100)
        {
            violations.Add(new("name_prefix", "Awalan nama terlalu panjang (name prefix too long)."));
        }

        PageCursor? after = null;
        if (request.PageToken.Length > 0 && !PageCursor.TryParse(request.PageToken, out after))
        {
            violations.Add(new("page_token", "Token halaman tidak sah (invalid page token)."));
        }

        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }

        var page = await queries.SearchAsync(new HouseholdSearch(
            village, district, HouseholdMapping.FromProtoStatus(request.Status), programme,
            request.NamePrefix.Trim(), request.PageSize == 0 ? HouseholdQueries.DefaultPageSize : request.PageSize, after),
            context.CancellationToken);
        var response = new SearchHouseholdsResponse
        {
            NextPageToken = page.Next?.ToToken() ?? "",
            TotalCount = page.TotalCount,
        };
        response.Households.AddRange(page.Households.Select(h => HouseholdMapping.ToSummary(h, disclosure)));
        return response;
    }

    [Authorize(Roles = BansosRoles.Admin)]
    public override async Task<Household> ChangeHouseholdStatus(ChangeHouseholdStatusRequest request, ServerCallContext context)
    {
        var id = RequestParsing.HouseholdId(request.HouseholdId);
        DomainStatus status = request.Status switch
        {
            HouseholdStatus.Active => DomainStatus.Active,
            HouseholdStatus.Suspended => DomainStatus.Suspended,
            HouseholdStatus.Removed => DomainStatus.Removed,
            _ => throw new ValidationException("status", "Status wajib diisi: ACTIVE, SUSPENDED atau REMOVED (status is required)."),
        };
        RemovalReason? reason = HouseholdMapping.FromProtoReason(request.RemovalReason) is { } code
            ? RemovalReasonCodes.Parse(code).Value
            : null;
        await commands.ChangeStatusAsync(id, status, reason, NullIfEmpty(request.Note), actor.Subject, context.CancellationToken);
        return await GetHousehold(new GetHouseholdRequest { HouseholdId = request.HouseholdId }, context);
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
