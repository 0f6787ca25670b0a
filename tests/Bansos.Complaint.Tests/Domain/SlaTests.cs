using Bansos.Complaint.Domain;

namespace Bansos.Complaint.Tests.Domain;

public sealed class SlaTests
{
    private static readonly SlaPolicy Policy = new(new ComplaintOptions());

    [Theory]
    [InlineData(ComplaintCategory.PinForgottenOrBlocked, 1)]
    [InlineData(ComplaintCategory.CardLostOrBroken, 3)]
    [InlineData(ComplaintCategory.WrongAmount, 3)]
    [InlineData(ComplaintCategory.UnfairAgentCharge, 7)]
    [InlineData(ComplaintCategory.NotRegistered, 14)]
    [InlineData(ComplaintCategory.Other, 7)]
    public void The_default_days_end_at_midnight_WIB(ComplaintCategory category, int days)
    {
        // 23:30 WIB on 10 March is still 10 March in Bengkulu (16:30 UTC).
        var filed = new DateTimeOffset(2026, 3, 10, 16, 30, 0, TimeSpan.Zero);
        var due = Policy.DueAt(category, filed);
        Assert.Equal(new DateTimeOffset(2026, 3, 11 + days, 0, 0, 0, Wib.Offset), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void The_WIB_day_not_the_UTC_day_counts()
    {
        // 18:00 UTC on 10 March is 01:00 WIB on 11 March: a one-day ticket is due at the end of 12 March WIB.
        var due = Policy.DueAt(ComplaintCategory.PinForgottenOrBlocked, new DateTimeOffset(2026, 3, 10, 18, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 0, 0, 0, Wib.Offset), due);
    }

    [Fact]
    public void Configured_days_replace_the_defaults()
    {
        var policy = new SlaPolicy(new ComplaintOptions { Sla = new ComplaintOptions.SlaDays { WrongAmount = 10 } });
        var filed = new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 3, 21, 0, 0, 0, Wib.Offset), policy.DueAt(ComplaintCategory.WrongAmount, filed));
    }

    [Fact]
    public void Open_tickets_are_on_time_then_at_risk_in_their_last_quarter_then_breached()
    {
        var filed = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var due = filed.AddDays(4);
        Assert.Equal(SlaState.OnTime, SlaPolicy.StateOf(filed, due, null, filed.AddDays(3)));
        Assert.Equal(SlaState.AtRisk, SlaPolicy.StateOf(filed, due, null, filed.AddDays(3).AddMinutes(1)));
        Assert.Equal(SlaState.AtRisk, SlaPolicy.StateOf(filed, due, null, due));
        Assert.Equal(SlaState.Breached, SlaPolicy.StateOf(filed, due, null, due.AddTicks(1)));
    }

    [Fact]
    public void Closed_tickets_met_or_breached_their_due_time_for_good()
    {
        var filed = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var due = filed.AddDays(1);
        Assert.Equal(SlaState.Met, SlaPolicy.StateOf(filed, due, due, due.AddDays(30)));
        Assert.Equal(SlaState.Breached, SlaPolicy.StateOf(filed, due, due.AddMinutes(1), due.AddDays(30)));
    }
}
