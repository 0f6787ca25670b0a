using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Hosting;

namespace Bansos.Payout.Tests.Domain;

public sealed class ReversalRulesTests
{
    private static readonly DateTimeOffset At = new(2021, 11, 15, 3, 0, 0, TimeSpan.Zero); // 10:00 WIB, 15 Nov

    private static PayoutRecord Approved() => new()
    {
        PayoutId = Guid.NewGuid(),
        TerminalId = 257,
        IdempotencyKey = "k",
        RequestHash = [],
        Amount = 50_000,
        DeclineReason = null,
        At = At,
        BusinessDate = BusinessCalendar.BusinessDate(At),
    };

    [Fact]
    public void Same_terminal_same_WIB_day_is_allowed() =>
        ReversalRules.EnsureAllowed(Approved(), 257, new DateTimeOffset(2021, 11, 15, 16, 59, 0, TimeSpan.Zero)); // 23:59 WIB

    [Fact]
    public void The_next_WIB_day_is_too_late() =>
        Assert.Throws<ConflictException>(() => ReversalRules.EnsureAllowed(Approved(), 257, new DateTimeOffset(2021, 11, 15, 17, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Another_terminal_sees_nothing() =>
        Assert.Throws<NotFoundException>(() => ReversalRules.EnsureAllowed(Approved(), 258, At));

    [Fact]
    public void A_decline_or_a_reversed_payout_cannot_be_reversed()
    {
        Assert.Throws<ConflictException>(() => ReversalRules.EnsureAllowed(Approved() with { DeclineReason = DeclineReason.BadCryptogram }, 257, At));
        Assert.Throws<ConflictException>(() => ReversalRules.EnsureAllowed(Approved() with { ReversedAt = At }, 257, At));
    }
}
