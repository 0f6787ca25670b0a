using Bansos.Card;
using Bansos.Contracts;
using Bansos.Payout.Application;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Bansos.VirtualCard.Applet;
using Grpc.Net.Client;

namespace Bansos.Agent.Tests.Support;

/// <summary>
/// The real payout service (its Program, SQLite, its issuer key file) on a loopback h2c port, with
/// one village, a posko with a terminal, an open period of Rp 200 000 and households with cards
/// personalised from IssuerKeyService.GetCardPersonalisation — as the agent meets it through the gateway.
/// </summary>
public sealed class LoopbackPayout : IAsyncDisposable
{
    private readonly ServiceHost<ProjectionUpdater> host;
    private readonly string folder;
    private GrpcChannel? admin;

    private LoopbackPayout(ServiceHost<ProjectionUpdater> host, string folder)
    {
        this.host = host;
        this.folder = folder;
    }

    public Uri Address => host.Address;

    public long TerminalId { get; private set; }

    public string Village { get; } = $"99.{Random.Shared.Next(100):D2}.{Random.Shared.Next(100):D2}.{Random.Shared.Next(10000):D4}";

    public string PeriodCode { get; private set; } = "";

    public string TerminalToken => TestTokens.Terminal(TerminalId);

    public IssuerKeyService.IssuerKeyServiceClient Keys => new(Admin);

    public PayoutTerminalService.PayoutTerminalServiceClient Terminal => new(host.Channel(TerminalToken));

    private GrpcChannel Admin => admin ??= host.Channel(TestTokens.Admin());

    public static async Task<LoopbackPayout> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bansos-agent-payout-" + Guid.NewGuid().ToString("N"));
        // Any public type of the payout assembly names its entry point (its Program clashes with the tools' Program).
        var host = await ServiceHost<ProjectionUpdater>.StartOnLoopbackAsync(Bansos.Payout.PayoutHosting.ServiceName, DbDialect.Sqlite,
        [
            .. TestMessaging.Settings(),
            new("Bansos:RabbitMq:WaitUntilStarted", "false"),
            new("Bansos:Outbox:RelayEnabled", "false"),
            new("Bansos:Payout:EndpointPrefix", TestMessaging.UniqueServiceName("agent-test")),
            new("Bansos:Payout:IssuerKeyFile", Path.Combine(folder, "issuer.key")),
        ]);
        var payout = new LoopbackPayout(host, folder);
        try
        {
            await payout.SeedAsync();
            return payout;
        }
        catch
        {
            await payout.DisposeAsync();
            throw;
        }
    }

    private async Task SeedAsync()
    {
        var points = new DistributionPointService.DistributionPointServiceClient(Admin);
        var point = await points.CreateDistributionPointAsync(new CreateDistributionPointRequest { Name = "Posko " + Village, Kind = DistributionPointKind.Posko, VillageCode = Village });
        TerminalId = (await points.RegisterTerminalAsync(new RegisterTerminalRequest { PointId = point.PointId, Label = "Kasir 1" })).TerminalId;
        var periods = new AidPeriodService.AidPeriodServiceClient(Admin);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var period = await periods.CreatePeriodAsync(new CreatePeriodRequest
        {
            Code = "TEST-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
            Programme = "SEMBAKO",
            AmountPerHousehold = 200_000,
            StartDate = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            EndDate = today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            VillageCodes = { Village },
        });
        await periods.OpenPeriodAsync(new PeriodActionRequest { PeriodId = period.PeriodId });
        PeriodCode = period.Code;
    }

    /// <summary>A household of the village with an issued card (as registry events bring them), its virtual card personalised in <paramref name="statePath"/>.</summary>
    public async Task<CardNumber> IssueCardAsync(string statePath, string pin = "123456")
    {
        var number = await RegisterCardAsync();
        var personalisation = await Keys.GetCardPersonalisationAsync(new GetCardPersonalisationRequest { CardNumber = number.Digits });
        var client = new AidCardClient(new InMemoryCardChannel(AidCardApplet.WithStateFile(statePath)));
        client.Select();
        client.Personalise(new PersonalisationData(number, "KPM-TEST-0001", "SITI AMINAH", new DateOnly(2030, 12, 31), personalisation.CardKey.ToByteArray(), pin));
        return number;
    }

    /// <summary>A household of the village with an issued card, as registry events bring them to the payout service.</summary>
    public async Task<CardNumber> RegisterCardAsync()
    {
        var householdId = Guid.NewGuid();
        var digits = "99" + string.Concat(Enumerable.Range(0, 13).Select(_ => (char)('0' + Random.Shared.Next(10))));
        var number = CardNumber.Parse(digits + Luhn.ComputeCheckDigit(digits));
        await ApplyAsync(new HouseholdRegistered(householdId, Village, HouseholdStatuses.Active, ["SEMBAKO"], 2, 4, 1, DateTimeOffset.UtcNow));
        await ApplyAsync(new CardIssued(Guid.NewGuid(), number.Digits, householdId, null, 1, DateTimeOffset.UtcNow));
        return number;
    }

    private Task ApplyAsync(object e)
    {
        var updater = host.Service<ProjectionUpdater>();
        return host.Service<IDbSessions>().WriteAsync(async session =>
        {
            await (e switch
            {
                HouseholdRegistered h => updater.ApplyAsync(session, h, CancellationToken.None),
                CardIssued c => updater.ApplyAsync(session, c, CancellationToken.None),
                _ => throw new ArgumentException("not a registry event", nameof(e)),
            });
            return true;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync(); // the channels too
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
