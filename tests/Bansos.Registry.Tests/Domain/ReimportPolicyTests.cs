using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Households;
using Bansos.Registry.Domain.Import;
using Bansos.Registry.Domain.Reimport;
using static Bansos.Registry.Tests.Domain.TestData;

namespace Bansos.Registry.Tests.Domain;

public sealed class ReimportPolicyTests
{
    private static readonly Dictionary<Nik, KkNumber> NoOwners = [];

    private static HouseholdDraft Draft(string rows) =>
        HouseholdImport.Read(new StringReader(Header + "\n" + rows + "\n"), Areas, Today).OfType<HouseholdDraft>().Single();

    private static Household Stored(HouseholdDraft draft) =>
        Household.Register(Guid.NewGuid(), draft.Kk, draft.Details, Actor, Now).Value!;

    [Fact]
    public void A_new_KK_is_New()
    {
        var decision = ReimportPolicy.Decide(Draft(Family1Rows()), null, NoOwners);
        Assert.Equal(ReimportOutcome.New, decision.Outcome);
        Assert.Empty(decision.Conflicts);
    }

    [Fact]
    public void Importing_the_same_rows_again_is_Unchanged()
    {
        var draft = Draft(Family1Rows());
        var stored = Stored(draft);
        var owners = draft.Details.Members.ToDictionary(m => m.Nik, _ => draft.Kk);
        var decision = ReimportPolicy.Decide(Draft(Family1Rows()), stored, owners);
        Assert.Equal(ReimportOutcome.Unchanged, decision.Outcome);
        Assert.Empty(decision.Changes);
        Assert.False(stored.Update(draft.Details, Actor, Now).Changed);
    }

    [Fact]
    public void Different_rows_are_Changed_with_the_change_set()
    {
        var stored = Stored(Draft(Family1Rows()));
        var changed = Draft(string.Join('\n',
            Row(Kk1, HeadNik, "Sutrisno", "KEPALA", "L", "1980-05-12", desil: "1", program: "SEMBAKO|PKH"),
            Row(Kk1, WifeNik, "Sumarni", "ISTRI", "P", "1984-11-03", desil: "1", program: "SEMBAKO|PKH")));
        var decision = ReimportPolicy.Decide(changed, stored, NoOwners);
        Assert.Equal(ReimportOutcome.Changed, decision.Outcome);
        Assert.Contains(new FieldChange("desil", "2", "1"), decision.Changes);
        Assert.Contains(new FieldChange("program", "SEMBAKO", "SEMBAKO|PKH"), decision.Changes);
        Assert.Contains(decision.Changes, c => c.Field == $"anggota[{SonNik}]" && c.After is null);

        var applied = stored.Update(changed.Details, "import:42", Now);
        Assert.True(applied.Changed);
        Assert.Equal(decision.Changes, applied.History[0].Changes);
    }

    [Fact]
    public void A_NIK_that_belongs_to_another_household_is_a_Conflict_on_its_line()
    {
        var draft = Draft(Family1Rows());
        var owners = new Dictionary<Nik, KkNumber> { [Nik(WifeNik)] = Kk(Kk2) };
        var decision = ReimportPolicy.Decide(draft, null, owners);
        Assert.Equal(ReimportOutcome.Conflict, decision.Outcome);
        Assert.Equal(
            [(2L, "HOUSEHOLD_REJECTED"), (3L, "NIK_IN_OTHER_HOUSEHOLD"), (4L, "HOUSEHOLD_REJECTED")],
            decision.Conflicts.Select(c => (c.Line, c.Code)));
        Assert.Equal("nik", decision.Conflicts[1].Field);
    }

    [Fact]
    public void Changing_a_REMOVED_household_by_import_is_a_Conflict_but_the_same_data_is_not()
    {
        var draft = Draft(Family1Rows());
        var stored = Stored(draft);
        stored.Remove(RemovalReason.Moved, Actor, Now);

        Assert.Equal(ReimportOutcome.Unchanged, ReimportPolicy.Decide(draft, stored, NoOwners).Outcome);

        var changed = Draft(Row(Kk1, HeadNik, "Sutrisno", "KEPALA", "L", "1980-05-12", desil: "1"));
        var decision = ReimportPolicy.Decide(changed, stored, NoOwners);
        Assert.Equal(ReimportOutcome.Conflict, decision.Outcome);
        Assert.Equal("HOUSEHOLD_REMOVED", decision.Conflicts.Single().Code);
    }

    [Fact]
    public void The_stored_household_must_have_the_same_KK()
    {
        var stored = Stored(Draft(Family1Rows()));
        var other = Draft(Row(Kk2, OtherHeadNik, "Darwis", "KEPALA", "L", "1970-01-01"));
        Assert.Throws<ArgumentException>(() => ReimportPolicy.Decide(other, stored, NoOwners));
    }
}
