using Bansos.Contracts;
using Bansos.Card;
using Bansos.Payout.Application;
using Bansos.Payout.Domain;

namespace Bansos.Payout.Tests.Application;

/// <summary>A batch decides each request as if it ran alone after the ones before it.</summary>
public sealed class AuthorizationBatchPlannerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly CardNumber Card = CardNumber.Parse("9900170000000011");

    private static AuthorizationSnapshot Snapshot(long balance = 200_000, long? highestAtc = null, long challengeUses = 0, Guid? existing = null)
    {
        var household = Guid.NewGuid();
        var today = BusinessCalendar.BusinessDate(Now);
        return new AuthorizationSnapshot(
            TerminalStatus.Active,
            "17.03.12.2003",
            existing,
            ChallengeUsed: challengeUses > 0,
            HighestAtc: (int?)highestAtc,
            new CardFacts(Guid.NewGuid(), household, CardStatus.Active, Replaced: false),
            new HouseholdFacts(household, "17.03.12.2003", HouseholdStatus.Active, []),
            new EntitlementFacts(7, 1, "SEMBAKO-2021-11", "SEMBAKO", AidPeriodStatus.Open, today.AddDays(-1), today.AddDays(1), 200_000, balance));
    }

    private static AuthorizationRequest Request(long amount, int atc, byte challengeFill = 1, string? key = null) =>
        new(257,
            new AuthorizeCommand("challenge-" + challengeFill, 1, amount, atc, new byte[16], key ?? Guid.NewGuid().ToString("N")),
            new IssuedChallenge(257, Card, Now.AddMinutes(1), Enumerable.Repeat(challengeFill, 16).ToArray()),
            CryptogramValid: true,
            RequestFingerprint.Of("challenge-" + challengeFill, 1, amount, atc, new byte[16]));

    private static AuthorizationBatchPlanner.Item Item(AuthorizationRequest request, AuthorizationSnapshot? snapshot = null, PayoutRecord? original = null) =>
        new(request, snapshot ?? Snapshot(), original);

    [Fact]
    public void Payouts_of_one_entitlement_draw_down_the_balance_in_order_and_the_debit_is_their_sum()
    {
        var plan = AuthorizationBatchPlanner.Decide(
        [
            Item(Request(120_000, 1, 1)),
            Item(Request(100_000, 2, 2)),   // 80 000 left: declined
            Item(Request(80_000, 3, 3)),    // exactly what is left
        ], Now);

        Assert.Equal([null, DeclineReason.InsufficientBalance, null], plan.Outcomes.Select(o => o.Result!.Payout.DeclineReason));
        Assert.Equal([80_000L, 0L], plan.Outcomes.Where(o => o.Result!.Payout.Approved).Select(o => o.Result!.Payout.BalanceAfter!.Value));
        var debit = Assert.Single(plan.Debits);
        Assert.Equal((7L, 200_000L, 0L), (debit.EntitlementId, debit.Amount, debit.BalanceAfter));
        Assert.Equal(3, plan.Payouts.Count);
    }

    [Fact]
    public void A_challenge_used_earlier_in_the_batch_is_used()
    {
        var plan = AuthorizationBatchPlanner.Decide([Item(Request(10_000, 1, 5)), Item(Request(10_000, 2, 5))], Now);
        Assert.Null(plan.Outcomes[0].Result!.Payout.DeclineReason);
        Assert.Equal(DeclineReason.ChallengeUsed, plan.Outcomes[1].Result!.Payout.DeclineReason);
        Assert.Null(plan.Payouts[1].Challenge); // not consumed twice: the unique index would refuse it
    }

    [Fact]
    public void An_atc_taken_earlier_in_the_batch_is_taken()
    {
        var plan = AuthorizationBatchPlanner.Decide([Item(Request(10_000, 9, 1)), Item(Request(10_000, 4, 2)), Item(Request(10_000, 10, 3))], Now);
        Assert.Equal([null, DeclineReason.ReplayedAtc, null], plan.Outcomes.Select(o => o.Result!.Payout.DeclineReason));
        Assert.Equal([9, (int?)null, 10], plan.Payouts.Select(p => p.VerifiedAtc));
    }

    [Fact]
    public void The_same_request_twice_in_a_batch_is_one_payout_and_other_content_under_its_key_is_refused()
    {
        var first = Request(10_000, 1, 1, key: "k1");
        var conflicting = Request(20_000, 2, 2, key: "k1");
        var plan = AuthorizationBatchPlanner.Decide([Item(first), Item(first), Item(conflicting)], Now);

        Assert.False(plan.Outcomes[0].Result!.Replayed);
        Assert.True(plan.Outcomes[1].Result!.Replayed);
        Assert.Equal(plan.Outcomes[0].Result!.Payout.PayoutId, plan.Outcomes[1].Result!.Payout.PayoutId);
        Assert.IsType<IdempotencyKeyReusedException>(plan.Outcomes[2].Error);
        Assert.Single(plan.Payouts);
        Assert.Equal(10_000, Assert.Single(plan.Debits).Amount);
    }

    [Fact]
    public void Stored_originals_are_replayed_and_unknown_terminals_refused()
    {
        var request = Request(10_000, 1);
        var original = new PayoutRecord
        {
            PayoutId = Guid.NewGuid(),
            TerminalId = 257,
            IdempotencyKey = request.Command.IdempotencyKey,
            RequestHash = request.Fingerprint,
            Amount = 10_000,
            DeclineReason = null,
            At = Now,
            BusinessDate = BusinessCalendar.BusinessDate(Now),
        };
        var plan = AuthorizationBatchPlanner.Decide(
            [Item(request, Snapshot(existing: original.PayoutId), original), new AuthorizationBatchPlanner.Item(Request(10_000, 2), null, null)], Now);

        Assert.True(plan.Outcomes[0].Result!.Replayed);
        Assert.Equal(original.PayoutId, plan.Outcomes[0].Result!.Payout.PayoutId);
        Assert.IsType<TerminalNotAllowedException>(plan.Outcomes[1].Error);
        Assert.Empty(plan.Payouts);
        Assert.Empty(plan.Debits);
    }

    [Fact]
    public void What_the_database_already_holds_counts_too()
    {
        var plan = AuthorizationBatchPlanner.Decide(
            [Item(Request(10_000, 3), Snapshot(highestAtc: 5)), Item(Request(10_000, 6, 2), Snapshot(challengeUses: 1))], Now);
        Assert.Equal([DeclineReason.ReplayedAtc, DeclineReason.ChallengeUsed], plan.Outcomes.Select(o => o.Result!.Payout.DeclineReason));
    }
}
