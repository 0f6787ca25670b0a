using Bansos.Gateway.Domain;
using Bansos.Gateway.Users;
using Bansos.ServiceDefaults.Hosting;

namespace Bansos.Gateway.Tests.Domain;

public sealed class UserRulesTests
{
    private static readonly GatewayUser Siti = new(1, "siti", "Siti", "operator", ["17.03.12.2003"], "hash", false, 0, null);

    [Fact]
    public void A_valid_operator_is_accepted_and_the_name_lower_cased() =>
        Assert.Equal("siti.aminah", UserRules.Validate(" Siti.Aminah ", "Siti Aminah", "operator", ["17.03.12.2003"]));

    [Theory]
    [InlineData("operator", new string[0], "villages")]
    [InlineData("auditor", new[] { "17.03.12.2003" }, "villages")]
    [InlineData("operator", new[] { "17-03-12" }, "villages")]
    [InlineData("root", new string[0], "role")]
    [InlineData("terminal", new string[0], "role")]
    public void Roles_and_villages_must_agree(string role, string[] villages, string field)
    {
        var error = Assert.Throws<ValidationException>(() => UserRules.Validate("siti", "Siti", role, villages));

        Assert.Contains(error.Violations, v => v.Field == field);
    }

    [Fact]
    public void The_fifth_failure_locks_for_the_lockout_and_starts_the_count_again()
    {
        var now = DateTimeOffset.UtcNow;

        Assert.Equal((4, null), UserRules.AfterFailure(Siti with { FailedAttempts = 3 }, now, 5, TimeSpan.FromMinutes(15)));
        Assert.Equal((0, now.AddMinutes(15)), UserRules.AfterFailure(Siti with { FailedAttempts = 4 }, now, 5, TimeSpan.FromMinutes(15)));
        Assert.True((Siti with { LockedUntil = now.AddMinutes(1) }).IsLockedAt(now));
        Assert.False((Siti with { LockedUntil = now.AddMinutes(-1) }).IsLockedAt(now));
    }

    [Fact]
    public void Codes_are_read_back_however_they_are_typed()
    {
        var code = Secrets.NewCode(4);

        Assert.Matches("^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$", code);
        Assert.Equal(code, Secrets.NormalizeCode(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)));
        Assert.DoesNotMatch("[01ILO]", code);
    }
}
