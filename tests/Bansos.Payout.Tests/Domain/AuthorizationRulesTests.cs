using Bansos.Contracts;
using Bansos.Card;
using Bansos.Payout.Domain;

namespace Bansos.Payout.Tests.Domain;

public sealed class AuthorizationRulesTests
{
    private static readonly DateTimeOffset Now = new(2021, 11, 15, 3, 0, 0, TimeSpan.Zero); // 10:00 WIB
    private static readonly Guid Household = Guid.NewGuid();

    /// <summary>Everything in order: approved.</summary>
    private static AuthorizationFacts Valid() => new()
    {
        CallerTerminalId = 257,
        TerminalActive = true,
        Challenge = new IssuedChallenge(257, CardNumber.Parse("9900170000000011"), Now.AddMinutes(2), new byte[16]),
        ChallengeUsed = false,
        Amount = 150_000,
        CryptogramValid = true,
        Atc = 5,
        HighestAtcSeen = 4,
        Card = new CardFacts(Guid.NewGuid(), Household, CardStatus.Active, Replaced: false),
        Household = new HouseholdFacts(Household, "17.03.12.2003", HouseholdStatus.Active, ["SEMBAKO"]),
        Entitlement = new EntitlementFacts(1, 202111, "SEMBAKO-2021-11", "SEMBAKO", AidPeriodStatus.Open,
            new DateOnly(2021, 11, 1), new DateOnly(2021, 11, 30), 200_000, 200_000),
        Now = Now,
    };

    // name, expected reason, consumes the challenge, records the ATC
    private static readonly (string Name, DeclineReason Reason, bool ConsumesChallenge, bool RecordsAtc)[] Cases =
    [
        ("terminal disabled", DeclineReason.TerminalDisabled, false, false),
        ("challenge unknown", DeclineReason.ChallengeUnknown, false, false),
        ("challenge other terminal", DeclineReason.ChallengeOtherTerminal, false, false),
        ("challenge used", DeclineReason.ChallengeUsed, false, false),
        ("challenge expired", DeclineReason.ChallengeExpired, false, false),
        ("amount zero", DeclineReason.InvalidAmount, true, false),
        ("amount negative", DeclineReason.InvalidAmount, true, false),
        ("bad cryptogram", DeclineReason.BadCryptogram, true, false),
        ("atc equal", DeclineReason.ReplayedAtc, true, false),
        ("atc lower", DeclineReason.ReplayedAtc, true, false),
        ("card blocked", DeclineReason.CardBlocked, true, true),
        ("card lost", DeclineReason.CardLost, true, true),
        ("card replaced by status", DeclineReason.CardReplaced, true, true),
        ("card replaced by a newer card", DeclineReason.CardReplaced, true, true),
        ("household suspended", DeclineReason.HouseholdNotActive, true, true),
        ("household removed", DeclineReason.HouseholdNotActive, true, true),
        ("household unknown status", DeclineReason.HouseholdNotActive, true, true),
        ("no entitlement", DeclineReason.NoOpenEntitlement, true, true),
        ("period closed", DeclineReason.NoOpenEntitlement, true, true),
        ("before the window", DeclineReason.OutsidePeriodWindow, true, true),
        ("after the window", DeclineReason.OutsidePeriodWindow, true, true),
        ("balance short", DeclineReason.InsufficientBalance, true, true),
    ];

    public static TheoryData<string, DeclineReason, bool, bool> Declines()
    {
        var data = new TheoryData<string, DeclineReason, bool, bool>();
        foreach (var (name, reason, consumes, records) in Cases)
        {
            data.Add(name, reason, consumes, records);
        }

        return data;
    }

    private static AuthorizationFacts Break(string name)
    {
        var v = Valid();
        return name switch
        {
            "terminal disabled" => v with { TerminalActive = false },
            "challenge unknown" => v with { Challenge = null },
            "challenge other terminal" => v with { CallerTerminalId = 258 },
            "challenge used" => v with { ChallengeUsed = true },
            "challenge expired" => v with { Now = v.Challenge!.ExpiresAt.AddTicks(1), Entitlement = v.Entitlement },
            "amount zero" => v with { Amount = 0 },
            "amount negative" => v with { Amount = -5 },
            "bad cryptogram" => v with { CryptogramValid = false },
            "atc equal" => v with { Atc = 4 },
            "atc lower" => v with { Atc = 1 },
            "card blocked" => v with { Card = v.Card! with { Status = CardStatus.Blocked } },
            "card lost" => v with { Card = v.Card! with { Status = CardStatus.Lost } },
            "card replaced by status" => v with { Card = v.Card! with { Status = CardStatus.Replaced } },
            "card replaced by a newer card" => v with { Card = v.Card! with { Replaced = true } },
            "household suspended" => v with { Household = v.Household! with { Status = HouseholdStatus.Suspended } },
            "household removed" => v with { Household = v.Household! with { Status = HouseholdStatus.Removed } },
            "household unknown status" => v with { Household = v.Household! with { Status = null } },
            "no entitlement" => v with { Entitlement = null },
            "period closed" => v with { Entitlement = v.Entitlement! with { PeriodStatus = AidPeriodStatus.Closed } },
            "before the window" => v with { Entitlement = v.Entitlement! with { StartDate = new DateOnly(2021, 11, 16) } },
            "after the window" => v with { Entitlement = v.Entitlement! with { EndDate = new DateOnly(2021, 11, 14) } },
            "balance short" => v with { Entitlement = v.Entitlement! with { Balance = 149_999 } },
            _ => throw new ArgumentException(name, nameof(name)),
        };
    }

    [Fact]
    public void All_in_order_is_approved_and_uses_the_challenge_and_atc()
    {
        var decision = AuthorizationRules.Decide(Valid());
        Assert.True(decision.Approved);
        Assert.True(decision.ConsumesChallenge);
        Assert.True(decision.RecordsAtc);
    }

    [Fact]
    public void The_first_atc_and_the_exact_balance_are_fine()
    {
        var v = Valid();
        Assert.True(AuthorizationRules.Decide(v with { Atc = 1, HighestAtcSeen = null }).Approved);
        Assert.True(AuthorizationRules.Decide(v with { Amount = 200_000 }).Approved);
    }

    [Theory]
    [MemberData(nameof(Declines))]
    public void Each_broken_fact_declines_with_its_reason(string name, DeclineReason reason, bool consumesChallenge, bool recordsAtc)
    {
        var decision = AuthorizationRules.Decide(Break(name));
        Assert.Equal(reason, decision.Reason);
        Assert.Equal(consumesChallenge, decision.ConsumesChallenge);
        Assert.Equal(recordsAtc, decision.RecordsAtc);
    }

    [Fact]
    public void Only_requests_no_challenge_of_this_terminal_backs_go_unrecorded()
    {
        foreach (var (name, _, _, _) in Cases)
        {
            var unrecorded = name is "challenge unknown" or "challenge other terminal";
            Assert.True(AuthorizationRules.Decide(Break(name)).Recorded != unrecorded, name);
        }

        Assert.True(AuthorizationRules.Decide(Valid()).Recorded);

        // A disabled terminal's attempt is stored only when it carries a genuine challenge of its own.
        var disabled = Valid() with { TerminalActive = false };
        Assert.True(AuthorizationRules.Decide(disabled).Recorded);
        Assert.False(AuthorizationRules.Decide(disabled with { Challenge = null }).Recorded);
        Assert.False(AuthorizationRules.Decide(disabled with { CallerTerminalId = 258 }).Recorded);
    }

    [Fact]
    public void Every_reason_is_covered_and_has_a_code_and_a_message()
    {
        // The authorization decides every reason but the card's own refusals, which RecordCardRefusal books.
        var covered = Cases.Select(c => c.Reason).Concat(Enum.GetValues<CardRefusal>().Select(CardRefusals.DeclineReasonOf)).ToHashSet();
        Assert.Equal(Enum.GetValues<DeclineReason>().ToHashSet(), covered);
        foreach (var reason in Enum.GetValues<DeclineReason>())
        {
            Assert.Equal(reason, DeclineReasons.Parse(DeclineReasons.Code(reason)));
            Assert.Contains("(", DeclineReasons.Message(reason), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_terminal_is_checked_before_the_challenge_and_the_cryptogram_before_the_card()
    {
        var v = Valid();
        Assert.Equal(DeclineReason.TerminalDisabled, AuthorizationRules.Decide(v with { TerminalActive = false, Challenge = null }).Reason);
        // A forger learns nothing about the card: a bad cryptogram hides its status.
        Assert.Equal(DeclineReason.BadCryptogram, AuthorizationRules.Decide(v with
        {
            CryptogramValid = false,
            Card = v.Card! with { Status = CardStatus.Blocked },
        }).Reason);
    }

    [Fact]
    public void The_window_is_judged_in_WIB()
    {
        var v = Valid() with { Now = new DateTimeOffset(2021, 11, 30, 17, 30, 0, TimeSpan.Zero) }; // 1 Dec 00:30 WIB
        v = v with { Challenge = v.Challenge! with { ExpiresAt = v.Now.AddMinutes(1) } };
        Assert.Equal(DeclineReason.OutsidePeriodWindow, AuthorizationRules.Decide(v).Reason);
    }
}
