using Bansos.Contracts;
using Bansos.Payout.Domain;

namespace Bansos.Payout.Tests.Domain;

public sealed class SmallRulesTests
{
    [Fact]
    public void The_fingerprint_changes_with_every_field()
    {
        var cryptogram = new byte[16];
        var baseline = RequestFingerprint.Of("c", 1, 100, 1, cryptogram);
        Assert.True(RequestFingerprint.Same(baseline, RequestFingerprint.Of("c", 1, 100, 1, new byte[16])));
        Assert.False(RequestFingerprint.Same(baseline, RequestFingerprint.Of("d", 1, 100, 1, cryptogram)));
        Assert.False(RequestFingerprint.Same(baseline, RequestFingerprint.Of("c", 2, 100, 1, cryptogram)));
        Assert.False(RequestFingerprint.Same(baseline, RequestFingerprint.Of("c", 1, 101, 1, cryptogram)));
        Assert.False(RequestFingerprint.Same(baseline, RequestFingerprint.Of("c", 1, 100, 2, cryptogram)));
        Assert.False(RequestFingerprint.Same(baseline, RequestFingerprint.Of("c", 1, 100, 1, [.. new byte[15], 1])));
    }

    [Fact]
    public void Business_days_are_WIB()
    {
        Assert.Equal(new DateOnly(2021, 11, 15), BusinessCalendar.BusinessDate(new DateTimeOffset(2021, 11, 14, 17, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2021, 11, 14), BusinessCalendar.BusinessDate(new DateTimeOffset(2021, 11, 14, 16, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void Approval_codes_avoid_look_alikes()
    {
        var code = ApprovalCodes.New();
        Assert.Equal(ApprovalCodes.Length, code.Length);
        Assert.All(code, c => Assert.Contains(c, ApprovalCodes.Alphabet));
        Assert.DoesNotContain('0', ApprovalCodes.Alphabet);
        Assert.DoesNotContain('O', ApprovalCodes.Alphabet);
        Assert.DoesNotContain('I', ApprovalCodes.Alphabet);
    }

    [Fact]
    public void Projection_versions_only_move_forward()
    {
        Assert.True(ProjectionVersions.IsNewer(1, 0));
        Assert.False(ProjectionVersions.IsNewer(3, 3));
        Assert.False(ProjectionVersions.IsNewer(2, 3));
    }

    [Theory]
    [InlineData(CardStatus.Active, false, null)]
    [InlineData(CardStatus.Blocked, false, DeclineReason.CardBlocked)]
    [InlineData(CardStatus.Lost, false, DeclineReason.CardLost)]
    [InlineData(CardStatus.Replaced, false, DeclineReason.CardReplaced)]
    [InlineData(CardStatus.Active, true, DeclineReason.CardReplaced)]
    [InlineData(null, false, DeclineReason.CardBlocked)] // a status this version does not know
    public void Card_refusals(CardStatus? status, bool replaced, DeclineReason? refusal) =>
        Assert.Equal(refusal, new CardFacts(Guid.NewGuid(), Guid.NewGuid(), status, replaced).Refusal);

    [Fact]
    public void Begin_payout_refuses_what_authorization_would()
    {
        var card = new CardFacts(Guid.NewGuid(), Guid.NewGuid(), CardStatus.Active, false);
        var household = new HouseholdFacts(card.HouseholdId, "17.03.12.2003", HouseholdStatus.Active, []);
        var open = new EntitlementFacts(1, 1, "P", "SEMBAKO", AidPeriodStatus.Open, new DateOnly(2021, 11, 1), new DateOnly(2021, 11, 30), 200_000, 1);
        EntitlementFacts[] some = [open];
        Assert.Null(PayoutEligibility.CheckCard(true, card, household, some));
        Assert.Equal(DeclineReason.TerminalDisabled, PayoutEligibility.CheckCard(false, card, household, some));
        Assert.Equal(DeclineReason.CardLost, PayoutEligibility.CheckCard(true, card with { Status = CardStatus.Lost }, household, some));
        Assert.Equal(DeclineReason.HouseholdNotActive, PayoutEligibility.CheckCard(true, card, household with { Status = HouseholdStatus.Suspended }, some));
        Assert.Equal(DeclineReason.NoOpenEntitlement, PayoutEligibility.CheckCard(true, card, household, []));
        Assert.Equal(DeclineReason.NoOpenEntitlement, PayoutEligibility.CheckCard(true, card, household, [open with { Balance = 0 }]));
    }
}
