using Bansos.Protos.Registry.V1;
using Bansos.Registry.Data;
using Bansos.Registry.Domain.Areas;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Hosting;
using Grpc.Core;
using Area = Bansos.Registry.Domain.Areas.Area;
using Microsoft.AspNetCore.Authorization;

namespace Bansos.Registry.Grpc;

/// <summary>The area reference and the villages the registry serves. Maps and delegates.</summary>
[Authorize(Roles = $"{BansosRoles.Admin},{BansosRoles.Operator},{BansosRoles.Auditor}")]
public sealed class AreaGrpcService(AreaReference areas, HouseholdQueries queries) : AreaService.AreaServiceBase
{
    public override Task<ListAreasResponse> ListProvinces(ListProvincesRequest request, ServerCallContext context) =>
        Task.FromResult(ToResponse(areas.Provinces));

    public override Task<ListAreasResponse> ListRegencies(ListRegenciesRequest request, ServerCallContext context) =>
        Task.FromResult(ToResponse(Children(request.ProvinceCode, AreaLevel.Province, "province_code")));

    public override Task<ListAreasResponse> ListDistricts(ListDistrictsRequest request, ServerCallContext context) =>
        Task.FromResult(ToResponse(Children(request.RegencyCode, AreaLevel.Regency, "regency_code")));

    public override Task<ListAreasResponse> ListVillages(ListVillagesRequest request, ServerCallContext context) =>
        Task.FromResult(ToResponse(Children(request.DistrictCode, AreaLevel.District, "district_code")));

    public override async Task<ListServedVillagesResponse> ListServedVillages(
        ListServedVillagesRequest request, ServerCallContext context)
    {
        if (request.DistrictCode.Length > 0)
        {
            Children(request.DistrictCode, AreaLevel.District, "district_code");
        }

        var counts = await queries.CountByVillageAsync(NullIfEmpty(request.DistrictCode), context.CancellationToken);
        var response = new ListServedVillagesResponse();
        foreach (var count in counts)
        {
            var village = areas.Find(count.VillageCode);
            var district = village?.ParentCode is { } parent ? areas.Find(parent) : null;
            response.Villages.Add(new ServedVillage
            {
                Code = count.VillageCode,
                Name = village?.Name ?? "",
                DistrictCode = district?.Code ?? "",
                DistrictName = district?.Name ?? "",
                HouseholdCount = count.Households,
                ActiveHouseholdCount = count.ActiveHouseholds,
                PersonCount = count.Persons,
            });
        }

        return response;
    }

    private IReadOnlyList<Area> Children(string parentCode, AreaLevel parentLevel, string field)
    {
        var parent = areas.Find(parentCode);
        if (parent is null || parent.Level != parentLevel)
        {
            throw new ValidationException(field, $"Kode wilayah '{parentCode}' tidak dikenal (unknown area code).");
        }

        return areas.ChildrenOf(parent.Code);
    }

    private static ListAreasResponse ToResponse(IEnumerable<Area> list)
    {
        var response = new ListAreasResponse();
        response.Areas.AddRange(list.Select(a => new Protos.Registry.V1.Area { Code = a.Code, Name = a.Name }));
        return response;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
