using Bansos.Contracts;
using Bansos.Payout.Keys;
using Bansos.Protos.Payout.V1;
using Google.Protobuf;

namespace Bansos.Payout.Tests.Support;

/// <summary>
/// One test's own world inside a shared host: a fresh village, a posko with a terminal, and a
/// period over that village. Households and cards enter through the projection, as registry
/// events would bring them.
/// </summary>
public sealed class Scenario
{
    private Scenario(PayoutHost host, string village, long pointId, long terminalId, AidPeriodInfo period)
    {
        Host = host;
        Village = village;
        PointId = pointId;
        TerminalId = terminalId;
        Period = period;
    }

    public PayoutHost Host { get; }

    public string Village { get; }

    public long PointId { get; }

    public long TerminalId { get; }

    public AidPeriodInfo Period { get; private set; }

    public PayoutTerminalService.PayoutTerminalServiceClient Terminal => Host.Terminal(TerminalId);

    public static string NewVillage() =>
        $"99.{Random.Shared.Next(100):D2}.{Random.Shared.Next(100):D2}.{Random.Shared.Next(10000):D4}";

    public static string Today => Bansos.Payout.Domain.BusinessCalendar.Format(Bansos.Payout.Domain.BusinessCalendar.BusinessDate(DateTimeOffset.UtcNow));

    public static async Task<Scenario> CreateAsync(PayoutHost host, long amount = 200_000, string? startDate = null, string? endDate = null,
        bool open = true)
    {
        var village = NewVillage();
        var point = await host.Points().CreateDistributionPointAsync(new CreateDistributionPointRequest
        {
            Name = "Posko " + village,
            Kind = DistributionPointKind.Posko,
            VillageCode = village,
        });
        var terminal = await host.Points().RegisterTerminalAsync(new RegisterTerminalRequest { PointId = point.PointId, Label = "Kasir 1" });
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var period = await host.Periods().CreatePeriodAsync(new CreatePeriodRequest
        {
            Code = "TEST-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
            Programme = "SEMBAKO",
            AmountPerHousehold = amount,
            StartDate = startDate ?? Bansos.Payout.Domain.BusinessCalendar.Format(today.AddDays(-1)),
            EndDate = endDate ?? Bansos.Payout.Domain.BusinessCalendar.Format(today.AddDays(30)),
            VillageCodes = { village },
        });
        if (open)
        {
            period = await host.Periods().OpenPeriodAsync(new PeriodActionRequest { PeriodId = period.PeriodId });
        }

        return new Scenario(host, village, point.PointId, terminal.TerminalId, period);
    }

    public async Task<long> AddTerminalAsync() =>
        (await Host.Points().RegisterTerminalAsync(new RegisterTerminalRequest { PointId = PointId, Label = "Kasir lain" })).TerminalId;

    /// <summary>A household of this village (ACTIVE, SEMBAKO unless told otherwise) with an issued card.</summary>
    public async Task<SimulatedCard> AddHouseholdAsync(string status = HouseholdStatuses.Active, string[]? programmes = null, string? village = null)
    {
        var householdId = Guid.NewGuid();
        await Host.ApplyAsync(new HouseholdRegistered(householdId, village ?? Village, status, programmes ?? ["SEMBAKO"], 2, 4, 1, DateTimeOffset.UtcNow));
        return await IssueCardAsync(householdId);
    }

    public async Task<SimulatedCard> IssueCardAsync(Guid householdId, Guid? replaces = null, long version = 1)
    {
        var number = SimulatedCard.NewNumber();
        var cardId = Guid.NewGuid();
        await Host.ApplyAsync(new CardIssued(cardId, number.Digits, householdId, replaces, version, DateTimeOffset.UtcNow));
        return new SimulatedCard(number, Host.Service<IIssuerKeyStore>().DeriveCardKey(number), cardId, householdId);
    }

    public async Task<BeginPayoutResponse> BeginAsync(SimulatedCard card, long? terminalId = null) =>
        await Host.Terminal(terminalId ?? TerminalId).BeginPayoutAsync(new BeginPayoutRequest { CardNumber = card.Number.Digits });

    /// <summary>The request a terminal sends after GENERATE CRYPTOGRAM, signed for <paramref name="signedTerminalId"/> (default: this scenario's terminal).</summary>
    public AuthorizePayoutRequest Request(SimulatedCard card, BeginPayoutResponse begin, long amount, uint? periodId = null,
        long? signedTerminalId = null, string? idempotencyKey = null)
    {
        var period = periodId ?? Period.PeriodId;
        var (atc, cryptogram) = card.Generate(amount, period, signedTerminalId ?? begin.TerminalId, begin.Challenge);
        return new AuthorizePayoutRequest
        {
            ChallengeId = begin.ChallengeId,
            PeriodId = period,
            Amount = amount,
            Atc = (uint)atc,
            Cryptogram = cryptogram,
            IdempotencyKey = idempotencyKey ?? Guid.NewGuid().ToString("N"),
        };
    }

    /// <summary>BeginPayout then AuthorizePayout at this scenario's terminal.</summary>
    public async Task<AuthorizePayoutResponse> PayAsync(SimulatedCard card, long amount)
    {
        var begin = await BeginAsync(card);
        Assert.True(begin.CanPay, $"BeginPayout refused: {begin.Reason}");
        return await Terminal.AuthorizePayoutAsync(Request(card, begin, amount));
    }

    public static ByteString Forged() => ByteString.CopyFrom(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
