using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bansos.Protos.Registry.V1;
using Bansos.Registry.Tests.Support;
using Bansos.ServiceDefaults.Auth;
using Bansos.Testing;
using Grpc.Core;

namespace Bansos.Registry.Tests.Functional;

/// <summary>
/// Who may do what (docs/architecture.md §8): every RPC needs a token from this host's key; operators read and may
/// block a card or report it lost, only admins import, change a household's status, issue, unblock or
/// replace cards; auditors only read. Every refusal here leaves the registry as it was.
/// </summary>
[Collection(PilotReadCollection.Name)]
public sealed class RoleTests(PilotRegistry registry)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_token_gRPC_calls_are_Unauthenticated()
    {
        var anonymous = registry.Anonymous;

        await Errors.FailsAsync(StatusCode.Unauthenticated, () => anonymous.Areas.ListServedVillagesAsync(new ListServedVillagesRequest(), cancellationToken: Ct).ResponseAsync);
        await Errors.FailsAsync(StatusCode.Unauthenticated, () => anonymous.Households.SearchHouseholdsAsync(new SearchHouseholdsRequest(), cancellationToken: Ct).ResponseAsync);
        await Errors.FailsAsync(StatusCode.Unauthenticated, () => anonymous.Cards.GetCardAsync(new GetCardRequest { CardNumber = "9900170000000011" }, cancellationToken: Ct).ResponseAsync);
        await Errors.FailsAsync(StatusCode.Unauthenticated, () => Importer.GrpcAsync(anonymous, Encoding.UTF8.GetBytes(TestFamilies.Csv([TestFamilies.Create(1)]))));
    }

    [Fact]
    public async Task Without_a_token_REST_calls_are_401()
    {
        using var http = registry.Rest(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/registry/villages", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/registry/households", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/registry/areas/provinces", Ct)).StatusCode);
        var upload = await Importer.RestAsync(http, Encoding.UTF8.GetBytes(TestFamilies.Csv([TestFamilies.Create(1)])));
        Assert.Equal(401, upload.HttpStatus);
    }

    [Fact]
    public async Task Tokens_signed_with_another_key_or_expired_are_refused()
    {
        // TestTokens signs with its own key pair; this host trusts only its own issuer.
        var foreign = registry.Grpc(TestTokens.Admin());
        await Errors.FailsAsync(StatusCode.Unauthenticated, () => foreign.Households.SearchHouseholdsAsync(new SearchHouseholdsRequest(), cancellationToken: Ct).ResponseAsync);

        var past = registry.Tokens.With(new PastClock(DateTimeOffset.UtcNow.AddHours(-2)));
        var expired = past.Issue("admin-old", [BansosRoles.Admin], TimeSpan.FromMinutes(10));
        await Errors.FailsAsync(StatusCode.Unauthenticated, () => registry.Grpc(expired).Households.SearchHouseholdsAsync(new SearchHouseholdsRequest(), cancellationToken: Ct).ResponseAsync);

        using var http = registry.Rest(TestTokens.Admin());
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/registry/villages", Ct)).StatusCode);
    }

    [Fact]
    public async Task Operators_cannot_import_over_gRPC_or_REST()
    {
        var before = await registry.StateAsync();
        var csv = Encoding.UTF8.GetBytes(TestFamilies.Csv([TestFamilies.Create(2)]));

        await Errors.FailsAsync(StatusCode.PermissionDenied, () => Importer.GrpcAsync(registry.AsOperator, csv));
        using var http = registry.Rest(registry.OperatorToken);
        var rest = await Importer.RestAsync(http, csv);

        Assert.Equal(403, rest.HttpStatus);
        Assert.Equal(before, await registry.StateAsync());
    }

    [Fact]
    public async Task Operators_and_auditors_cannot_change_a_households_status()
    {
        var id = (await registry.HouseholdIdAsync(PilotRow.Heads[3].Kk)).ToString();
        var before = await registry.StateAsync();
        var request = new ChangeHouseholdStatusRequest { HouseholdId = id, Status = HouseholdStatus.Suspended, Note = "periksa" };

        await Errors.FailsAsync(StatusCode.PermissionDenied, () => registry.AsOperator.Households.ChangeHouseholdStatusAsync(request, cancellationToken: Ct).ResponseAsync);
        await Errors.FailsAsync(StatusCode.PermissionDenied, () => registry.AsAuditor.Households.ChangeHouseholdStatusAsync(request, cancellationToken: Ct).ResponseAsync);
        using var http = registry.Rest(registry.OperatorToken);
        var response = await http.PostAsJsonAsync($"/api/v1/registry/households/{id}/status", new { status = "HOUSEHOLD_STATUS_SUSPENDED" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await registry.StateAsync());
    }

    [Fact]
    public async Task Only_admins_issue_unblock_or_replace_cards_and_auditors_change_none()
    {
        var head = PilotRow.Heads[4];
        var id = (await registry.HouseholdIdAsync(head.Kk)).ToString();
        var number = (await registry.QueryAsync<string>("SELECT card_number FROM aid_cards WHERE household_id = @id", new { id = Guid.Parse(id) })).Single();
        var before = await registry.StateAsync();
        var card = new CardActionRequest { CardNumber = number, Reason = "uji" };

        await Errors.FailsAsync(StatusCode.PermissionDenied, () => registry.AsOperator.Cards.IssueCardAsync(new IssueCardRequest { HouseholdId = id }, cancellationToken: Ct).ResponseAsync);
        await Errors.FailsAsync(StatusCode.PermissionDenied, () => registry.AsOperator.Cards.UnblockCardAsync(card, cancellationToken: Ct).ResponseAsync);
        await Errors.FailsAsync(StatusCode.PermissionDenied, () => registry.AsOperator.Cards.ReplaceCardAsync(card, cancellationToken: Ct).ResponseAsync);
        await Errors.FailsAsync(StatusCode.PermissionDenied, () => registry.AsAuditor.Cards.BlockCardAsync(card, cancellationToken: Ct).ResponseAsync);
        await Errors.FailsAsync(StatusCode.PermissionDenied, () => registry.AsAuditor.Cards.ReportCardLostAsync(card, cancellationToken: Ct).ResponseAsync);
        using var http = registry.Rest(registry.OperatorToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsJsonAsync($"/api/v1/registry/cards/{number}/replace", new { reason = "uji" }, Ct)).StatusCode);

        Assert.Equal(before, await registry.StateAsync());
    }

    [Fact]
    public async Task Terminals_cannot_read_the_registry()
    {
        var terminal = registry.Grpc(registry.Token("terminal-257", BansosRoles.Terminal));

        await Errors.FailsAsync(StatusCode.PermissionDenied, () => terminal.Households.SearchHouseholdsAsync(new SearchHouseholdsRequest(), cancellationToken: Ct).ResponseAsync);
        await Errors.FailsAsync(StatusCode.PermissionDenied, () => terminal.Areas.ListProvincesAsync(new ListProvincesRequest(), cancellationToken: Ct).ResponseAsync);
    }

    [Fact]
    public async Task Probes_need_no_token()
    {
        using var http = registry.Rest(null);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz", Ct)).StatusCode);
    }

    private sealed class PastClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
