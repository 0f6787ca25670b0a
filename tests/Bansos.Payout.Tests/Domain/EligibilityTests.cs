using Bansos.Contracts;
using Bansos.Payout.Domain;

namespace Bansos.Payout.Tests.Domain;

public sealed class EligibilityTests
{
    private static readonly AidPeriod Period = new(1, "SEMBAKO-2021-11", "SEMBAKO", 200_000, new DateOnly(2021, 11, 1), new DateOnly(2021, 11, 30),
        ["17.03.12.2003", "17.03.14.2017"], AidPeriodStatus.Open, 0, DateTimeOffset.UnixEpoch, null, null);

    private static HouseholdFacts Household(HouseholdStatus? status = HouseholdStatus.Active, string? village = "17.03.12.2003", params string[] programmes) =>
        new(Guid.NewGuid(), village, status, programmes.Length == 0 ? ["SEMBAKO"] : programmes);

    [Fact]
    public void Active_enrolled_and_covered_is_eligible() => Assert.True(Eligibility.IsEligible(Household(), Period));

    [Fact]
    public void Several_programmes_include_the_one_of_the_period() =>
        Assert.True(Eligibility.IsEligible(Household(programmes: ["PKH", "SEMBAKO"]), Period));

    [Theory]
    [InlineData(HouseholdStatus.Suspended, "17.03.12.2003", "SEMBAKO")]
    [InlineData(HouseholdStatus.Removed, "17.03.12.2003", "SEMBAKO")]
    [InlineData(null, "17.03.12.2003", "SEMBAKO")]
    [InlineData(HouseholdStatus.Active, "17.03.12.2001", "SEMBAKO")]
    [InlineData(HouseholdStatus.Active, null, "SEMBAKO")]
    [InlineData(HouseholdStatus.Active, "17.03.12.2003", "PKH")]
    public void Anything_else_is_not(HouseholdStatus? status, string? village, string programme) =>
        Assert.False(Eligibility.IsEligible(Household(status, village, programme), Period));

    [Theory]
    [InlineData(AidPeriodStatus.Draft)]
    [InlineData(AidPeriodStatus.Closed)]
    public void Only_an_open_period_grants(AidPeriodStatus status) =>
        Assert.False(Eligibility.IsEligible(Household(), Period with { Status = status }));
}
