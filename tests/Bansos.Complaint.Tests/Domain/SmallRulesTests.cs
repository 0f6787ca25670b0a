using Bansos.Complaint.Domain;

namespace Bansos.Complaint.Tests.Domain;

public sealed class SmallRulesTests
{
    [Fact]
    public void Ticket_numbers_are_padded_to_six_digits() =>
        Assert.Equal("ADU-2026-000123", new TicketNumber(2026, 123).ToString());

    [Fact]
    public void The_ticket_year_is_the_WIB_year() =>
        Assert.Equal(2027, TicketNumber.YearOf(new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void Every_enum_value_has_a_code_that_parses_back()
    {
        foreach (var category in Enum.GetValues<ComplaintCategory>())
        {
            Assert.Equal(category, ComplaintCodes.ParseCategory(category.Code()));
        }

        foreach (var status in Enum.GetValues<ComplaintStatus>())
        {
            Assert.Equal(status, ComplaintCodes.ParseStatus(status.Code()));
        }

        foreach (var channel in Enum.GetValues<ComplaintChannel>())
        {
            Assert.Equal(channel, ComplaintCodes.ParseChannel(channel.Code()));
        }

        Assert.Throws<FormatException>(() => ComplaintCodes.ParseCategory("LOST"));
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(0, ComplaintStatistics.Median([]));
        Assert.Equal(5, ComplaintStatistics.Median([9, 1, 5]));
        Assert.Equal(4, ComplaintStatistics.Median([1, 3, 5, 100]));
    }

    [Fact]
    public void Statistics_count_per_village_and_category()
    {
        var t0 = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var now = t0.AddDays(10);
        var figures = ComplaintStatistics.Compute(
        [
            new("17.03.12.2001", ComplaintCategory.WrongAmount, ComplaintStatus.Resolved, t0, t0.AddDays(3), t0.AddHours(10)),
            new("17.03.12.2001", ComplaintCategory.WrongAmount, ComplaintStatus.Rejected, t0, t0.AddDays(3), t0.AddHours(30)),
            new("17.03.12.2001", ComplaintCategory.WrongAmount, ComplaintStatus.InProgress, t0, t0.AddDays(3), null),
            new("17.03.12.2001", ComplaintCategory.WrongAmount, ComplaintStatus.Resolved, t0, t0.AddDays(3), t0.AddDays(4)),
            new("17.03.12.2003", ComplaintCategory.Other, ComplaintStatus.Received, t0, t0.AddDays(30), null),
        ], now);

        Assert.Equal(2, figures.Count);
        var urai = figures[0];
        Assert.Equal(("17.03.12.2001", ComplaintCategory.WrongAmount, 4L, 3L, 1L, 2L, 30.0),
            (urai.VillageCode, urai.Category, urai.Received, urai.Resolved, urai.Open, urai.Breached, urai.MedianHoursToResolve));
        Assert.Equal((1L, 0L, 1L, 0L), (figures[1].Received, figures[1].Resolved, figures[1].Open, figures[1].Breached));
    }

    [Fact]
    public void Operators_reach_their_villages_auditors_read_everything_terminals_only_file_for_their_village()
    {
        var op = VillageScope.For(admin: false, operatorRole: true, auditor: false, terminal: false, ["17.03.12.2001"]);
        Assert.True(op.CanChange("17.03.12.2001"));
        Assert.False(op.CanSee("17.03.12.2003"));
        Assert.False(op.Masked);

        var auditor = VillageScope.For(admin: false, operatorRole: false, auditor: true, terminal: false, []);
        Assert.True(auditor.CanSee("17.03.12.2003"));
        Assert.False(auditor.CanChange("17.03.12.2003"));
        Assert.False(auditor.CanFile("17.03.12.2003"));
        Assert.True(auditor.Masked);

        var terminal = VillageScope.For(admin: false, operatorRole: false, auditor: false, terminal: true, ["17.03.14.2013"]);
        Assert.True(terminal.CanFile("17.03.14.2013"));
        Assert.False(terminal.CanFile("17.03.12.2001"));
        Assert.False(terminal.CanSee("17.03.14.2013"));
        Assert.False(terminal.CanChange("17.03.14.2013"));
        Assert.Empty(terminal.Villages);
        Assert.False(VillageScope.For(admin: false, operatorRole: false, auditor: false, terminal: true, []).CanFile("17.03.14.2013"));

        Assert.True(VillageScope.For(admin: true, operatorRole: false, auditor: true, terminal: false, []).CanChange("17.03.14.2013"));
    }

    [Theory]
    [InlineData("decline PIN_BLOCKED", "PIN_BLOCKED", ComplaintCategory.PinForgottenOrBlocked)]
    [InlineData("decline CARD_BLOCKED", "CARD_BLOCKED", ComplaintCategory.CardLostOrBroken)]
    [InlineData("decline CARD_LOST", "CARD_LOST", ComplaintCategory.CardLostOrBroken)]
    [InlineData("decline CARD_ENDED", "CARD_ENDED", ComplaintCategory.CardLostOrBroken)]
    public void Declines_for_the_PIN_or_the_card_open_tickets(string because, string reason, ComplaintCategory category) =>
        Assert.True(AutomaticTickets.CategoryFor(reason) == category, because);

    [Theory]
    [InlineData("INSUFFICIENT_BALANCE")]
    [InlineData("CARD_UNREADABLE")]
    [InlineData("BAD_CRYPTOGRAM")]
    public void Other_declines_do_not(string reason) => Assert.Null(AutomaticTickets.CategoryFor(reason));
}
