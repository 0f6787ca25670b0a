using Bansos.Contracts;
using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Cards;
using Bansos.Registry.Domain.Households;
using static Bansos.Registry.Tests.Domain.TestData;

namespace Bansos.Registry.Tests.Domain;

public sealed class AidCardTests
{
    private static readonly Guid HouseholdId = Guid.Parse("0190e5c4-0000-7000-8000-0000000000aa");
    private static readonly Guid CardId = Guid.Parse("0190e5c4-0000-7000-8000-0000000000c1");
    private static readonly Guid NewCardId = Guid.Parse("0190e5c4-0000-7000-8000-0000000000c2");
    private static readonly AidCardNumber Number1 = AidCardNumber.FromSequence(1);
    private static readonly AidCardNumber Number2 = AidCardNumber.FromSequence(2);

    private static Household ActiveHousehold() => Household.Register(HouseholdId, Kk(Kk1), Family1(), Actor, Now).Value!;

    private static AidCard Issued(Household household) => AidCard.Issue(CardId, Number1, household, [], Actor, Now).Value!;

    [Fact]
    public void Issuing_makes_an_ACTIVE_card_version_1_and_CardIssued()
    {
        var result = AidCard.Issue(CardId, Number1, ActiveHousehold(), [], Actor, Now);
        var card = result.Value!;
        Assert.Equal((CardStatus.Active, 1L, HouseholdId), (card.Status, card.Version, card.HouseholdId));
        Assert.Equal(new CardIssued(CardId, Number1.Value, HouseholdId, null, 1, Now), Assert.Single(result.Events));
        Assert.Equal(HistoryActions.CardIssued, Assert.Single(result.History).Action);
    }

    [Fact]
    public void A_household_has_one_live_card_at_a_time()
    {
        var household = ActiveHousehold();
        var first = Issued(household);
        var second = AidCard.Issue(NewCardId, Number2, household, [first], Actor, Now);
        Assert.Equal(CommandFailure.FailedPrecondition, second.Failure);
        Assert.Equal("CARD_ALREADY_LIVE", second.Errors.Single().Code);

        first.Block(Actor, Now);
        Assert.Equal("CARD_ALREADY_LIVE", AidCard.Issue(NewCardId, Number2, household, [first], Actor, Now).Errors.Single().Code);
    }

    [Fact]
    public void Cards_are_issued_only_to_ACTIVE_households()
    {
        var household = ActiveHousehold();
        household.Suspend(Actor, Now);
        Assert.Equal("HOUSEHOLD_NOT_ACTIVE", AidCard.Issue(CardId, Number1, household, [], Actor, Now).Errors.Single().Code);
    }

    [Fact]
    public void Block_and_unblock_go_back_and_forth_with_events()
    {
        var card = Issued(ActiveHousehold());
        var blocked = card.Block(Actor, Now, "diperiksa");
        Assert.Equal(new CardStatusChanged(CardId, Number1.Value, HouseholdId, "BLOCKED", "diperiksa", 2, Now), Assert.Single(blocked.Events));
        Assert.False(card.Block(Actor, Now).Changed);
        var unblocked = card.Unblock(Actor, Now);
        Assert.Equal(new CardStatusChanged(CardId, Number1.Value, HouseholdId, "ACTIVE", null, 3, Now), Assert.Single(unblocked.Events));
        Assert.Equal(3, card.History.Count);
    }

    [Fact]
    public void A_lost_card_never_comes_back()
    {
        var card = Issued(ActiveHousehold());
        var lost = card.ReportLost(Actor, Now, "hilang di pasar");
        Assert.Equal("LOST", ((CardStatusChanged)lost.Events[0]).Status);
        Assert.Equal(CommandFailure.FailedPrecondition, card.Unblock(Actor, Now).Failure);
        Assert.Equal(CommandFailure.FailedPrecondition, card.Block(Actor, Now).Failure);
        Assert.False(card.ReportLost(Actor, Now).Changed);
        Assert.Equal(CardStatus.Lost, card.Status);
    }

    [Fact]
    public void Replacing_a_live_card_kills_the_old_one_in_the_same_step()
    {
        var household = ActiveHousehold();
        var old = Issued(household);
        var result = AidCard.Replace(old, NewCardId, Number2, household, [old], Actor, Now, "kartu rusak");

        var card = result.Value!;
        Assert.Equal((CardStatus.Active, 1L, (Guid?)CardId), (card.Status, card.Version, card.ReplacesCardId));
        Assert.Equal((CardStatus.Replaced, 2L, (Guid?)NewCardId), (old.Status, old.Version, old.ReplacedByCardId));
        Assert.Equal(
            [
                new CardStatusChanged(CardId, Number1.Value, HouseholdId, "REPLACED", "kartu rusak", 2, Now),
                new CardIssued(NewCardId, Number2.Value, HouseholdId, CardId, 1, Now),
            ],
            result.Events);
        Assert.Equal([CardId, NewCardId], result.History.Select(h => h.SubjectId));

        // REPLACED is final.
        Assert.Equal(CommandFailure.FailedPrecondition, old.Unblock(Actor, Now).Failure);
        Assert.Equal(CommandFailure.FailedPrecondition, old.ReportLost(Actor, Now).Failure);
        Assert.Equal("CARD_ALREADY_REPLACED",
            AidCard.Replace(old, Guid.NewGuid(), AidCardNumber.FromSequence(3), household, [old, card], Actor, Now).Errors.Single().Code);
    }

    [Fact]
    public void Replacing_a_lost_card_leaves_it_LOST_and_issues_the_new_one()
    {
        var household = ActiveHousehold();
        var old = Issued(household);
        old.ReportLost(Actor, Now);
        var result = AidCard.Replace(old, NewCardId, Number2, household, [old], Actor, Now);
        Assert.True(result.Succeeded);
        Assert.Equal(CardStatus.Lost, old.Status);
        Assert.Equal(NewCardId, old.ReplacedByCardId);
        Assert.Equal(new CardIssued(NewCardId, Number2.Value, HouseholdId, CardId, 1, Now), Assert.Single(result.Events));
    }

    [Fact]
    public void Replacement_keeps_one_live_card_per_household()
    {
        var household = ActiveHousehold();
        var old = Issued(household);
        old.ReportLost(Actor, Now);
        var other = AidCard.Issue(NewCardId, Number2, household, [old], Actor, Now).Value!; // issued after the loss
        var again = AidCard.Replace(old, Guid.NewGuid(), AidCardNumber.FromSequence(3), household, [old, other], Actor, Now);
        Assert.Equal("CARD_ALREADY_LIVE", again.Errors.Single().Code);
        Assert.Equal(2, old.Version); // untouched by the refused replacement
    }

    [Fact]
    public void Replacement_checks_household_and_number()
    {
        var household = ActiveHousehold();
        var old = Issued(household);
        var stranger = Household.Register(Guid.NewGuid(), Kk(Kk2), Family1(), Actor, Now).Value!;
        Assert.Equal("CARD_WRONG_HOUSEHOLD", AidCard.Replace(old, NewCardId, Number2, stranger, [], Actor, Now).Errors.Single().Code);
        Assert.Equal("CARD_NUMBER_IN_USE", AidCard.Replace(old, NewCardId, Number1, household, [old], Actor, Now).Errors.Single().Code);

        household.Remove(RemovalReason.Deceased, Actor, Now);
        Assert.Equal("HOUSEHOLD_REMOVED", AidCard.Replace(old, NewCardId, Number2, household, [old], Actor, Now).Errors.Single().Code);
        Assert.Equal(CardStatus.Active, old.Status);
    }

    [Fact]
    public void Restoring_from_storage_keeps_version()
    {
        var card = AidCard.Restore(CardId, Number1, HouseholdId, CardStatus.Blocked, "x", 4, Now, null, null);
        Assert.Equal(5, ((CardStatusChanged)card.Unblock(Actor, Now).Events[0]).Version);
    }
}
