using System.Net;
using Bansos.Protos.Registry.V1;
using Bansos.Registry.Tests.Support;
using Grpc.Core;

namespace Bansos.Registry.Tests.Functional;

/// <summary>
/// Read-only calls on the pilot registry (707 households, a card each), through gRPC and through the
/// REST/JSON transcoding: served villages, the area tree, search and paging, one household in full.
/// Nothing here writes, so the class shares one seeded host.
/// </summary>
[Collection(PilotReadCollection.Name)]
public sealed class PilotReadTests(PilotRegistry registry)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_seed_gives_four_villages_with_351_in_Ketahun_and_356_in_Putri_Hijau_over_gRPC()
    {
        var response = await registry.AsAdmin.Areas.ListServedVillagesAsync(new ListServedVillagesRequest(), cancellationToken: Ct);

        AssertPilotVillages(response);
    }

    [Fact]
    public async Task The_seed_gives_four_villages_with_351_in_Ketahun_and_356_in_Putri_Hijau_over_REST()
    {
        using var http = registry.Rest(registry.AdminToken);

        var response = await Errors.ProtoAsync<ListServedVillagesResponse>(await http.GetAsync("/api/v1/registry/villages", Ct));

        AssertPilotVillages(response);
    }

    [Fact]
    public async Task Served_villages_filter_by_district()
    {
        var ketahun = await registry.AsOperator.Areas.ListServedVillagesAsync(
            new ListServedVillagesRequest { DistrictCode = Pilot.Ketahun }, cancellationToken: Ct);
        using var http = registry.Rest(registry.OperatorToken);
        var putriHijau = await Errors.ProtoAsync<ListServedVillagesResponse>(
            await http.GetAsync($"/api/v1/registry/villages?districtCode={Pilot.PutriHijau}", Ct));

        Assert.Equal(["17.03.12.2001", "17.03.12.2003"], ketahun.Villages.Select(v => v.Code));
        Assert.Equal(351, ketahun.Villages.Sum(v => v.HouseholdCount));
        Assert.Equal(["17.03.14.2013", "17.03.14.2017"], putriHijau.Villages.Select(v => v.Code));
        Assert.Equal(356, putriHijau.Villages.Sum(v => v.HouseholdCount));
    }

    [Fact]
    public async Task Every_pilot_household_has_exactly_one_active_card()
    {
        Assert.Equal(Pilot.Households, await registry.ScalarAsync("SELECT COUNT(*) FROM aid_cards WHERE status = 'ACTIVE'"));
        Assert.Equal(Pilot.Households, await registry.ScalarAsync("SELECT COUNT(DISTINCT household_id) FROM aid_cards"));
        Assert.Equal(Pilot.Households, await registry.ScalarAsync("SELECT COUNT(DISTINCT card_number) FROM aid_cards"));

        var number = (await registry.QueryAsync<string>("SELECT card_number FROM aid_cards ORDER BY card_number LIMIT 1")).Single();
        var card = await registry.AsOperator.Cards.GetCardAsync(new GetCardRequest { CardNumber = number }, cancellationToken: Ct);
        Assert.Equal("ACTIVE", card.Card.Status);
        Assert.Equal(16, card.Card.CardNumber.Length);
        Assert.True(Bansos.Registry.Domain.Luhn.IsValid(card.Card.CardNumber));
        Assert.Contains(card.VillageCode, Pilot.Villages.Keys);
    }

    [Fact]
    public async Task Areas_list_provinces_regencies_districts_villages_over_gRPC()
    {
        var areas = registry.AsAuditor.Areas;

        var provinces = await areas.ListProvincesAsync(new ListProvincesRequest(), cancellationToken: Ct);
        var regencies = await areas.ListRegenciesAsync(new ListRegenciesRequest { ProvinceCode = "17" }, cancellationToken: Ct);
        var districts = await areas.ListDistrictsAsync(new ListDistrictsRequest { RegencyCode = "17.03" }, cancellationToken: Ct);
        var villages = await areas.ListVillagesAsync(new ListVillagesRequest { DistrictCode = Pilot.Ketahun }, cancellationToken: Ct);

        Assert.Equal(38, provinces.Areas.Count);
        Assert.Contains(provinces.Areas, a => a is { Code: "17", Name: "Bengkulu" });
        Assert.Contains(regencies.Areas, a => a is { Code: "17.03", Name: "Kabupaten Bengkulu Utara" });
        Assert.All(regencies.Areas, a => Assert.StartsWith("17.", a.Code, StringComparison.Ordinal));
        Assert.Contains(districts.Areas, a => a is { Code: "17.03.12", Name: "Ketahun" });
        Assert.Contains(districts.Areas, a => a is { Code: "17.03.14", Name: "Putri Hijau" });
        Assert.Equal(11, villages.Areas.Count);
        Assert.Contains(villages.Areas, a => a is { Code: "17.03.12.2001", Name: "Urai" });
        Assert.Contains(villages.Areas, a => a is { Code: "17.03.12.2003", Name: "Giri Kencana" });
    }

    [Fact]
    public async Task Areas_list_provinces_regencies_districts_villages_over_REST()
    {
        using var http = registry.Rest(registry.AuditorToken);

        var provinces = await Errors.ProtoAsync<ListAreasResponse>(await http.GetAsync("/api/v1/registry/areas/provinces", Ct));
        var regencies = await Errors.ProtoAsync<ListAreasResponse>(await http.GetAsync("/api/v1/registry/areas/provinces/17/regencies", Ct));
        var districts = await Errors.ProtoAsync<ListAreasResponse>(await http.GetAsync("/api/v1/registry/areas/regencies/17.03/districts", Ct));
        var villages = await Errors.ProtoAsync<ListAreasResponse>(await http.GetAsync("/api/v1/registry/areas/districts/17.03.14/villages", Ct));

        Assert.Contains(provinces.Areas, a => a is { Code: "17", Name: "Bengkulu" });
        Assert.Contains(regencies.Areas, a => a is { Code: "17.03", Name: "Kabupaten Bengkulu Utara" });
        Assert.Contains(districts.Areas, a => a is { Code: "17.03.14", Name: "Putri Hijau" });
        Assert.Contains(villages.Areas, a => a is { Code: "17.03.14.2017", Name: "Air Petai" });
        Assert.Contains(villages.Areas, a => a is { Code: "17.03.14.2013", Name: "Air Muring" });
    }

    [Fact]
    public async Task An_unknown_or_wrong_level_area_code_is_InvalidArgument_naming_the_field()
    {
        var error = await Errors.FailsAsync(StatusCode.InvalidArgument, () =>
            registry.AsAdmin.Areas.ListRegenciesAsync(new ListRegenciesRequest { ProvinceCode = "99" }, cancellationToken: Ct).ResponseAsync);
        Errors.Violation(error, "province_code");

        // A regency code where a district is expected is the wrong level.
        error = await Errors.FailsAsync(StatusCode.InvalidArgument, () =>
            registry.AsAdmin.Areas.ListVillagesAsync(new ListVillagesRequest { DistrictCode = "17.03" }, cancellationToken: Ct).ResponseAsync);
        Errors.Violation(error, "district_code");

        using var http = registry.Rest(registry.AdminToken);
        var body = await Errors.RestFailsAsync(HttpStatusCode.BadRequest, await http.GetAsync("/api/v1/registry/areas/regencies/99.99/districts", Ct));
        Errors.RestViolation(body, "regency_code");
    }

    [Theory]
    [InlineData("village", "17.03.12.2001")]
    [InlineData("village", "17.03.14.2013")]
    [InlineData("district", "17.03.12")]
    [InlineData("district", "17.03.14")]
    [InlineData("programme", "PKH")]
    [InlineData("programme", "SEMBAKO")]
    [InlineData("name", "Su")]
    [InlineData("name", "sri ")]
    [InlineData("status", "ACTIVE")]
    [InlineData("status", "SUSPENDED")]
    public async Task Search_filters_match_the_pilot_file(string filter, string value)
    {
        var request = new SearchHouseholdsRequest { PageSize = 500 };
        Func<PilotRow, bool> expected = filter switch
        {
            "village" => r => r.Village == value,
            "district" => r => r.Village.StartsWith(value + ".", StringComparison.Ordinal),
            "programme" => r => r.Programmes.Split('|').Contains(value),
            "name" => r => r.Name.StartsWith(value.Trim(), StringComparison.OrdinalIgnoreCase),
            "status" => _ => value == "ACTIVE",
            _ => throw new ArgumentOutOfRangeException(nameof(filter)),
        };
        switch (filter)
        {
            case "village": request.VillageCode = value; break;
            case "district": request.DistrictCode = value; break;
            case "programme": request.Programme = value; break;
            case "name": request.NamePrefix = value; break;
            case "status": request.Status = Enum.Parse<HouseholdStatus>(value, ignoreCase: true); break;
        }

        var found = await SearchAllAsync(registry.AsAdmin, request);

        var expectedKks = PilotRow.Heads.Where(expected).Select(r => r.Kk).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedKks, found.Select(h => h.KkNumber).Order(StringComparer.Ordinal));
        if (filter == "status" && value == "ACTIVE")
        {
            Assert.Equal(Pilot.Households, found.Count);
        }
    }

    [Fact]
    public async Task Search_filters_combine()
    {
        var response = await registry.AsAdmin.Households.SearchHouseholdsAsync(new SearchHouseholdsRequest
        {
            DistrictCode = Pilot.PutriHijau,
            Programme = "PKH",
            NamePrefix = "S",
            Status = HouseholdStatus.Active,
            PageSize = 500,
        }, cancellationToken: Ct);

        var expected = PilotRow.Heads.Where(r => r.Village.StartsWith("17.03.14.", StringComparison.Ordinal)
            && r.Programmes.Contains("PKH", StringComparison.Ordinal) && r.Name.StartsWith('S')).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, response.TotalCount);
        Assert.Equal(expected.Select(r => r.Kk).Order(StringComparer.Ordinal), response.Households.Select(h => h.KkNumber).Order(StringComparer.Ordinal));
        Assert.All(response.Households, h =>
        {
            Assert.Contains("PKH", h.Programmes);
            Assert.StartsWith("17.03.14.", h.VillageCode, StringComparison.Ordinal);
            Assert.Equal(HouseholdStatus.Active, h.Status);
        });
        Assert.Empty(response.NextPageToken);
    }

    [Fact]
    public async Task Page_tokens_walk_every_household_exactly_once_in_name_order()
    {
        var seen = new List<HouseholdSummary>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await registry.AsAdmin.Households.SearchHouseholdsAsync(
                new SearchHouseholdsRequest { PageSize = 50, PageToken = token }, cancellationToken: Ct);
            Assert.Equal(Pilot.Households, page.TotalCount);
            Assert.True(page.Households.Count is > 0 and <= 50);
            seen.AddRange(page.Households);
            token = page.NextPageToken;
            pages++;
            Assert.True(pages <= 20, "paging does not end");
        }
        while (token.Length > 0);

        Assert.Equal(15, pages);
        Assert.Equal(Pilot.Households, seen.Count);
        Assert.Equal(Pilot.Households, seen.Select(h => h.HouseholdId).Distinct().Count());
        var keys = seen.Select(h => h.HeadName.ToUpperInvariant()).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(PilotRow.Heads.Select(r => r.Kk).Order(StringComparer.Ordinal), seen.Select(h => h.KkNumber).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Page_tokens_walk_a_filtered_search_over_REST()
    {
        using var http = registry.Rest(registry.OperatorToken);
        var ids = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await Errors.ProtoAsync<SearchHouseholdsResponse>(await http.GetAsync(
                $"/api/v1/registry/households?villageCode=17.03.14.2017&pageSize=40&pageToken={Uri.EscapeDataString(token)}", Ct));
            Assert.Equal(178, page.TotalCount);
            ids.AddRange(page.Households.Select(h => h.HouseholdId));
            token = page.NextPageToken;
            Assert.True(++pages <= 10, "paging does not end");
        }
        while (token.Length > 0);

        Assert.Equal(5, pages);
        Assert.Equal(178, ids.Count);
        Assert.Equal(178, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("bm90IGEgY3Vyc29y")] // base64 of "not a cursor"
    [InlineData("%%%")]
    public async Task A_bad_page_token_is_InvalidArgument_with_a_field_violation(string token)
    {
        var error = await Errors.FailsAsync(StatusCode.InvalidArgument, () =>
            registry.AsAdmin.Households.SearchHouseholdsAsync(new SearchHouseholdsRequest { PageToken = token }, cancellationToken: Ct).ResponseAsync);

        Errors.Violation(error, "page_token");
    }

    [Fact]
    public async Task A_bad_page_token_over_REST_is_400_with_the_field_violation()
    {
        using var http = registry.Rest(registry.AdminToken);

        var body = await Errors.RestFailsAsync(HttpStatusCode.BadRequest, await http.GetAsync("/api/v1/registry/households?pageToken=garbage", Ct));

        Errors.RestViolation(body, "page_token");
    }

    [Fact]
    public async Task Bad_search_filters_are_all_reported_at_once()
    {
        var error = await Errors.FailsAsync(StatusCode.InvalidArgument, () => registry.AsAdmin.Households.SearchHouseholdsAsync(
            new SearchHouseholdsRequest { VillageCode = "17.03.12.2999", DistrictCode = "99.99.99", Programme = "BLT", PageSize = 501 },
            cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["district_code", "page_size", "programme", "village_code"], Errors.Violations(error).Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task One_household_comes_with_its_members_card_and_history_over_gRPC()
    {
        var head = PilotRow.Heads[0];
        var id = await registry.HouseholdIdAsync(head.Kk);

        var household = await registry.AsAdmin.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = id.ToString() }, cancellationToken: Ct);

        var rows = PilotRow.All.Where(r => r.Kk == head.Kk).ToList();
        Assert.Equal(head.Kk, household.KkNumber);
        Assert.Equal(head.Village, household.Address.VillageCode);
        Assert.Equal(Pilot.Villages[head.Village], household.Address.VillageName);
        Assert.Equal(HouseholdStatus.Active, household.Status);
        Assert.Equal(rows.Select(r => (r.Nik, r.Name, r.Relation, r.Sex, r.BirthDate)),
            household.Members.Select(m => (m.Nik, m.Name, m.Relation, m.Sex, m.BirthDate)));
        var card = Assert.Single(household.Cards);
        Assert.Equal("ACTIVE", card.Status);
        Assert.True(household.History.Count >= 2, "registration and card issue are history");
        Assert.All(household.History, h => Assert.StartsWith("system:pilot-seed", h.Actor, StringComparison.Ordinal));
        Assert.Contains(household.History, h => h.Detail.Contains(card.CardNumber, StringComparison.Ordinal) || h.Action.Contains("CARD", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task One_household_over_REST_equals_the_gRPC_answer()
    {
        var id = await registry.HouseholdIdAsync(PilotRow.Heads[100].Kk);
        using var http = registry.Rest(registry.AdminToken);

        var rest = await Errors.ProtoAsync<Household>(await http.GetAsync($"/api/v1/registry/households/{id}", Ct));
        var grpc = await registry.AsAdmin.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = id.ToString() }, cancellationToken: Ct);

        Assert.Equal(grpc, rest);
    }

    [Fact]
    public async Task An_unknown_household_is_NotFound_and_a_malformed_id_is_InvalidArgument()
    {
        await Errors.FailsAsync(StatusCode.NotFound, () => registry.AsAdmin.Households.GetHouseholdAsync(
            new GetHouseholdRequest { HouseholdId = Guid.NewGuid().ToString() }, cancellationToken: Ct).ResponseAsync);
        var error = await Errors.FailsAsync(StatusCode.InvalidArgument, () => registry.AsAdmin.Households.GetHouseholdAsync(
            new GetHouseholdRequest { HouseholdId = "1703120108140001" }, cancellationToken: Ct).ResponseAsync);
        Errors.Violation(error, "household_id");

        using var http = registry.Rest(registry.AdminToken);
        await Errors.RestFailsAsync(HttpStatusCode.NotFound, await http.GetAsync($"/api/v1/registry/households/{Guid.NewGuid()}", Ct));
    }

    [Fact]
    public async Task Auditors_see_NIK_KK_names_and_streets_masked_admins_and_operators_in_full()
    {
        var head = PilotRow.Heads[5];
        var id = (await registry.HouseholdIdAsync(head.Kk)).ToString();

        var masked = await registry.AsAuditor.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = id }, cancellationToken: Ct);
        var full = await registry.AsAdmin.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = id }, cancellationToken: Ct);
        var operatorView = await registry.AsOperator.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = id }, cancellationToken: Ct);

        Assert.Equal(head.Kk[..6] + "**********", masked.KkNumber);
        Assert.Equal("***", masked.Address.Street);
        var rows = PilotRow.All.Where(r => r.Kk == head.Kk).ToList();
        Assert.Equal(rows.Count, masked.Members.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Nik[..6] + "**********", masked.Members[i].Nik);
            Assert.Equal(MaskName(rows[i].Name), masked.Members[i].Name);
            Assert.DoesNotContain(rows[i].Name, masked.Members[i].Name, StringComparison.Ordinal);
            Assert.Equal(rows[i].BirthDate[..4] + "-**-**", masked.Members[i].BirthDate);
        }

        // History must not give back what the fields hide: no NIK, name, birth date or street in any detail.
        Assert.Equal(full.History.Select(h => (h.At, h.Actor, h.Action)), masked.History.Select(h => (h.At, h.Actor, h.Action)));
        foreach (var detail in masked.History.Select(h => h.Detail))
        {
            Assert.DoesNotMatch(@"\d{16}", detail);
            Assert.DoesNotContain(full.Address.Street, detail, StringComparison.Ordinal);
            foreach (var row in rows)
            {
                Assert.DoesNotContain(row.Name, detail, StringComparison.Ordinal);
                Assert.DoesNotContain(row.BirthDate, detail, StringComparison.Ordinal);
            }
        }

        Assert.Contains(full.History, h => h.Detail.Contains(rows[0].Name, StringComparison.Ordinal));
        Assert.Equal(head.Kk, full.KkNumber);
        Assert.Equal(rows.Select(r => r.Nik), full.Members.Select(m => m.Nik));
        Assert.Equal(rows.Select(r => r.Name), full.Members.Select(m => m.Name));
        Assert.Equal(full, operatorView);
    }

    [Fact]
    public async Task Auditors_get_masked_search_results_over_gRPC_and_REST()
    {
        var request = new SearchHouseholdsRequest { VillageCode = "17.03.12.2003", PageSize = 500 };

        var masked = await registry.AsAuditor.Households.SearchHouseholdsAsync(request, cancellationToken: Ct);
        using var http = registry.Rest(registry.AuditorToken);
        var rest = await Errors.ProtoAsync<SearchHouseholdsResponse>(await http.GetAsync("/api/v1/registry/households?villageCode=17.03.12.2003&pageSize=500", Ct));
        var full = await registry.AsAdmin.Households.SearchHouseholdsAsync(request, cancellationToken: Ct);

        Assert.Equal(175, masked.Households.Count);
        Assert.All(masked.Households, h => Assert.Equal("170312**********", h.KkNumber));
        Assert.Equal(full.Households.Select(h => MaskName(h.HeadName)), masked.Households.Select(h => h.HeadName));
        Assert.Equal(masked, rest);
        Assert.All(full.Households, h => Assert.Matches("^170312[0-9]{10}$", h.KkNumber));
    }

    [Fact]
    public async Task Page_tokens_reveal_no_name_only_an_opaque_position()
    {
        var token = "";
        var pages = 0;
        do
        {
            var page = await registry.AsAuditor.Households.SearchHouseholdsAsync(
                new SearchHouseholdsRequest { PageSize = 100, PageToken = token }, cancellationToken: Ct);
            token = page.NextPageToken;
            if (token.Length > 0)
            {
                // Whatever the encoding, the last head's name (or any part of it) must not be in it.
                var last = page.Households[^1];
                var full = (await registry.QueryAsync<string>("SELECT head_name FROM households WHERE id = @id", new { id = Guid.Parse(last.HouseholdId) })).Single();
                var decoded = System.Text.Encoding.Latin1.GetString(Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/').PadRight((token.Length + 3) / 4 * 4, '=')));
                foreach (var word in full.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3))
                {
                    Assert.DoesNotContain(word, decoded, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain(word, token, StringComparison.OrdinalIgnoreCase);
                }
            }

            Assert.True(++pages <= 10, "paging does not end");
        }
        while (token.Length > 0);

        Assert.Equal(8, pages);
    }

    [Fact]
    public async Task A_page_token_of_the_old_name_bearing_form_is_refused()
    {
        var id = await registry.HouseholdIdAsync(PilotRow.Heads[0].Kk);
        var old = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{id:N}|{PilotRow.Heads[0].Name.ToUpperInvariant()}"));

        var error = await Errors.FailsAsync(StatusCode.InvalidArgument, () =>
            registry.AsAdmin.Households.SearchHouseholdsAsync(new SearchHouseholdsRequest { PageToken = old }, cancellationToken: Ct).ResponseAsync);

        Errors.Violation(error, "page_token");
    }

    [Fact]
    public async Task Auditors_may_not_search_by_name_prefix_over_gRPC_or_REST()
    {
        var error = await Errors.FailsAsync(StatusCode.PermissionDenied, () =>
            registry.AsAuditor.Households.SearchHouseholdsAsync(new SearchHouseholdsRequest { NamePrefix = "S" }, cancellationToken: Ct).ResponseAsync);
        Errors.Violation(error, "name_prefix");
        using var http = registry.Rest(registry.AuditorToken);
        var body = await Errors.RestFailsAsync(HttpStatusCode.Forbidden, await http.GetAsync("/api/v1/registry/households?namePrefix=S", Ct));
        Errors.RestViolation(body, "name_prefix");

        // Operators still may; a blank prefix is no name search.
        var operatorSearch = await registry.AsOperator.Households.SearchHouseholdsAsync(new SearchHouseholdsRequest { NamePrefix = "S" }, cancellationToken: Ct);
        Assert.True(operatorSearch.TotalCount > 0);
        var blank = await registry.AsAuditor.Households.SearchHouseholdsAsync(new SearchHouseholdsRequest { NamePrefix = "  " }, cancellationToken: Ct);
        Assert.Equal(Pilot.Households, blank.TotalCount);
    }

    [Fact]
    public async Task Auditors_see_a_cards_holder_masked()
    {
        var head = PilotRow.Heads[7];
        var number = (await registry.QueryAsync<string>(
            "SELECT c.card_number FROM aid_cards c JOIN households h ON h.id = c.household_id WHERE h.kk_number = @kk", new { kk = head.Kk })).Single();

        var masked = await registry.AsAuditor.Cards.GetCardAsync(new GetCardRequest { CardNumber = number }, cancellationToken: Ct);
        var full = await registry.AsAdmin.Cards.GetCardAsync(new GetCardRequest { CardNumber = number }, cancellationToken: Ct);

        Assert.Equal(head.Name, full.HolderName);
        Assert.Equal(MaskName(head.Name), masked.HolderName);
    }

    private static void AssertPilotVillages(ListServedVillagesResponse response)
    {
        Assert.Equal(["17.03.12.2001", "17.03.12.2003", "17.03.14.2013", "17.03.14.2017"], response.Villages.Select(v => v.Code));
        foreach (var village in response.Villages)
        {
            Assert.Equal(Pilot.Villages[village.Code], village.Name);
            Assert.Equal(PilotRow.Heads.Count(r => r.Village == village.Code), village.HouseholdCount);
            Assert.Equal(village.HouseholdCount, village.ActiveHouseholdCount);
            Assert.Equal(PilotRow.All.Count(r => r.Village == village.Code), village.PersonCount);
        }

        Assert.Equal(351, response.Villages.Where(v => v.DistrictCode == Pilot.Ketahun).Sum(v => v.HouseholdCount));
        Assert.Equal(356, response.Villages.Where(v => v.DistrictCode == Pilot.PutriHijau).Sum(v => v.HouseholdCount));
        Assert.All(response.Villages.Where(v => v.DistrictCode == Pilot.Ketahun), v => Assert.Equal("Ketahun", v.DistrictName));
        Assert.All(response.Villages.Where(v => v.DistrictCode == Pilot.PutriHijau), v => Assert.Equal("Putri Hijau", v.DistrictName));
        Assert.Equal(Pilot.Households, response.Villages.Sum(v => v.HouseholdCount));
        Assert.Equal(PilotRow.All.Count, response.Villages.Sum(v => v.PersonCount));
    }

    private static string MaskName(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[0] + new string('*', Math.Max(w.Length - 1, 1))));

    internal static async Task<List<HouseholdSummary>> SearchAllAsync(RegistryGrpc client, SearchHouseholdsRequest request)
    {
        var all = new List<HouseholdSummary>();
        var page = request.Clone();
        while (true)
        {
            var response = await client.Households.SearchHouseholdsAsync(page, cancellationToken: Ct);
            all.AddRange(response.Households);
            if (response.NextPageToken.Length == 0)
            {
                Assert.Equal(response.TotalCount, all.Count);
                return all;
            }

            page.PageToken = response.NextPageToken;
        }
    }
}
