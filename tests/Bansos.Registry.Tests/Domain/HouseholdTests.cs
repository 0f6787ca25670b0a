using Bansos.Contracts;
using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Households;
using static Bansos.Registry.Tests.Domain.TestData;

namespace Bansos.Registry.Tests.Domain;

public sealed class HouseholdTests
{
    private static readonly Guid Id = Guid.Parse("0190e5c4-0000-7000-8000-000000000001");

    private static Household Registered(HouseholdDetails? details = null) =>
        Household.Register(Id, Kk(Kk1), details ?? Family1(), Actor, Now).Value!;

    [Fact]
    public void Registering_gives_version_1_a_history_entry_and_HouseholdRegistered()
    {
        var result = Household.Register(Id, Kk(Kk1), Family1(2, Programme.Pkh, Programme.Sembako), Actor, Now);

        Assert.True(result.Succeeded);
        var household = result.Value!;
        Assert.Equal((1L, HouseholdStatus.Active), (household.Version, household.Status));
        Assert.Equal("Sutrisno", household.Head.Name);
        var registered = Assert.IsType<HouseholdRegistered>(Assert.Single(result.Events));
        Assert.Equal(new HouseholdRegistered(Id, "17.03.12.2003", "ACTIVE", registered.Programmes, 2, 3, 1, Now), registered);
        Assert.Equal(["SEMBAKO", "PKH"], registered.Programmes);
        var history = Assert.Single(result.History);
        Assert.Equal((Id, 1L, HistoryActions.Registered, Actor, Now), (history.SubjectId, history.Version, history.Action, history.Actor, history.At));
        Assert.Contains(history.Changes, c => c.Field == "kode_desa" && c.Before is null && c.After == "17.03.12.2003");
        Assert.Contains(history.Changes, c => c.Field == $"anggota[{HeadNik}]" && c.After!.StartsWith("Sutrisno (KEPALA", StringComparison.Ordinal));
        Assert.Same(history, Assert.Single(household.History));
    }

    [Fact]
    public void Registering_refuses_a_household_without_exactly_one_KEPALA()
    {
        var noHead = Family1() with { Members = [.. Family1().Members.Skip(1)] };
        var result = Household.Register(Id, Kk(Kk1), noHead, Actor, Now);
        Assert.Equal(CommandFailure.InvalidArgument, result.Failure);
        Assert.Null(result.Value);
        Assert.Empty(result.Events);
        Assert.Contains(result.Errors, e => e.Code == "HEAD_COUNT");

        var twoHeads = Family1() with
        {
            Members = [.. Family1().Members, Member(OtherHeadNik, "Darwis", Relation.Kepala, Sex.Male, "1970-01-01")],
        };
        Assert.Equal(2, Household.Register(Id, Kk(Kk1), twoHeads, Actor, Now).Errors.Count(e => e.Code == "HEAD_COUNT"));
    }

    [Fact]
    public void Registering_refuses_a_NIK_twice_in_the_household()
    {
        var members = Family1().Members;
        var details = Family1() with { Members = [.. members, members[2] with { Name = "Dimas lagi" }] };
        var result = Household.Register(Id, Kk(Kk1), details, Actor, Now);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("anggota[3].nik", "NIK_DUPLICATE_IN_HOUSEHOLD"), (error.Field, error.Code));
    }

    [Fact]
    public void Registering_refuses_members_that_contradict_their_NIK()
    {
        var members = Family1().Members;
        var details = Family1() with { Members = [members[0], members[1] with { Sex = Sex.Male }, members[2] with { BirthDate = new DateOnly(2008, 1, 21) }] };
        var errors = Household.Register(Id, Kk(Kk1), details, Actor, Now).Errors;
        Assert.Contains(errors, e => e is { Field: "anggota[1].nik", Code: "NIK_SEX_MISMATCH" });
        Assert.Contains(errors, e => e is { Field: "anggota[1].hubungan", Code: "RELATION_SEX_MISMATCH" });
        Assert.Contains(errors, e => e is { Field: "anggota[2].nik", Code: "NIK_DATE_MISMATCH" });
    }

    [Fact]
    public void Updating_bumps_the_version_and_records_before_and_after()
    {
        var household = Registered();
        var members = Family1().Members;
        var changed = Family1(1, Programme.Sembako, Programme.Pkh) with
        {
            Members = [members[0] with { Name = "Sutrisno Wibowo" }, members[1], Member("1703126502150005", "Putri Ayu Lestari", Relation.Anak, Sex.Female, "2015-02-25")],
        };

        var result = household.Update(changed, Actor, Now.AddDays(1), "pemutakhiran data");

        Assert.True(result.Changed);
        Assert.Equal(2, household.Version);
        var @event = Assert.IsType<HouseholdChanged>(Assert.Single(result.Events));
        Assert.Equal((Id, 1, 3, 2L), (@event.HouseholdId, @event.Desil, @event.MemberCount, @event.Version));
        Assert.Equal(["SEMBAKO", "PKH"], @event.Programmes);
        var history = Assert.Single(result.History);
        Assert.Equal((HistoryActions.Changed, "pemutakhiran data"), (history.Action, history.Note));
        Assert.Contains(new FieldChange("desil", "2", "1"), history.Changes);
        Assert.Contains(new FieldChange("program", "SEMBAKO", "SEMBAKO|PKH"), history.Changes);
        Assert.Contains(new FieldChange($"anggota[{HeadNik}].nama", "Sutrisno", "Sutrisno Wibowo"), history.Changes);
        Assert.Contains(history.Changes, c => c.Field == $"anggota[{SonNik}]" && c.After is null);
        Assert.Contains(history.Changes, c => c.Field == "anggota[1703126502150005]" && c.Before is null);
        Assert.Contains("desil: 2 → 1", history.Summary, StringComparison.Ordinal);
        Assert.Equal(2, household.History.Count);
    }

    [Fact]
    public void Updating_to_the_same_details_changes_nothing()
    {
        var household = Registered();
        var reordered = Family1() with { Members = [.. Family1().Members.Reverse()] };
        var result = household.Update(reordered, Actor, Now);
        Assert.True(result.Succeeded);
        Assert.False(result.Changed);
        Assert.Empty(result.History);
        Assert.Equal(1, household.Version);
    }

    [Fact]
    public void An_invalid_update_leaves_the_household_unchanged()
    {
        var household = Registered();
        var result = household.Update(Family1() with { Members = [.. Family1().Members.Skip(1)] }, Actor, Now);
        Assert.Equal(CommandFailure.InvalidArgument, result.Failure);
        Assert.Equal(1, household.Version);
        Assert.Equal(3, household.Members.Count);
    }

    [Fact]
    public void Suspend_and_reactivate_go_back_and_forth()
    {
        var household = Registered();

        var suspended = household.Suspend(Actor, Now, "verifikasi lapangan");
        Assert.Equal((HouseholdStatus.Suspended, "verifikasi lapangan"), (household.Status, household.StatusNote));
        Assert.Equal(new HouseholdStatusChanged(Id, "SUSPENDED", null, 2, Now), Assert.Single(suspended.Events));
        Assert.Equal(new FieldChange("status", "ACTIVE", "SUSPENDED"), Assert.Single(suspended.History).Changes[0]);

        Assert.False(household.Suspend(Actor, Now).Changed); // repeat: harmless
        Assert.Equal(2, household.Version);

        var active = household.Reactivate(Actor, Now);
        Assert.Equal(new HouseholdStatusChanged(Id, "ACTIVE", null, 3, Now), Assert.Single(active.Events));
        Assert.False(household.Reactivate(Actor, Now).Changed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Any_status_goes_to_REMOVED_with_a_reason(bool suspendedFirst)
    {
        var household = Registered();
        if (suspendedFirst)
        {
            household.Suspend(Actor, Now);
        }

        var result = household.Remove(RemovalReason.Deceased, Actor, Now, "kepala keluarga meninggal");
        Assert.Equal((HouseholdStatus.Removed, RemovalReason.Deceased), (household.Status, household.RemovalReason));
        var @event = Assert.IsType<HouseholdStatusChanged>(Assert.Single(result.Events));
        Assert.Equal(("REMOVED", "DECEASED", household.Version), (@event.Status, @event.Reason, @event.Version));
        Assert.Contains(new FieldChange("alasan", null, "DECEASED"), result.History[0].Changes);
    }

    [Fact]
    public void REMOVED_is_final_unless_reinstated_explicitly()
    {
        var household = Registered();
        household.Remove(RemovalReason.Moved, Actor, Now);
        var version = household.Version;

        Assert.Equal(CommandFailure.FailedPrecondition, household.Reactivate(Actor, Now).Failure);
        Assert.Equal(CommandFailure.FailedPrecondition, household.Suspend(Actor, Now).Failure);
        Assert.Equal(CommandFailure.FailedPrecondition, household.Remove(RemovalReason.Duplicate, Actor, Now).Failure);
        Assert.Equal("HOUSEHOLD_REMOVED", household.Update(Family1(3), Actor, Now).Errors.Single().Code);
        Assert.Equal("STATUS_TRANSITION", household.Reactivate(Actor, Now).Errors.Single().Code);
        Assert.False(household.Remove(RemovalReason.Moved, Actor, Now).Changed); // same removal again: harmless
        Assert.Equal(version, household.Version);

        Assert.Equal(CommandFailure.InvalidArgument, household.Reinstate(Actor, Now, "").Failure); // needs a note

        var reinstated = household.Reinstate(Actor, Now, "salah hapus, warga masih tinggal di desa");
        Assert.Equal((HouseholdStatus.Active, (RemovalReason?)null), (household.Status, household.RemovalReason));
        Assert.Equal(new HouseholdStatusChanged(Id, "ACTIVE", null, version + 1, Now), Assert.Single(reinstated.Events));
        Assert.Equal(HistoryActions.Reinstated, reinstated.History[0].Action);
    }

    [Fact]
    public void Reinstate_is_only_for_REMOVED_households()
    {
        var household = Registered();
        var result = household.Reinstate(Actor, Now, "tidak perlu");
        Assert.Equal(CommandFailure.FailedPrecondition, result.Failure);
        Assert.Equal("STATUS_TRANSITION", result.Errors.Single().Code);
    }

    [Fact]
    public void Restoring_from_storage_keeps_version_and_produces_nothing()
    {
        var household = Household.Restore(Id, Kk(Kk1), Family1(), HouseholdStatus.Suspended, null, 7);
        Assert.Equal((7L, HouseholdStatus.Suspended), (household.Version, household.Status));
        Assert.Empty(household.History);
        Assert.Equal(8, ((HouseholdStatusChanged)household.Reactivate(Actor, Now).Events[0]).Version);
    }

    [Fact]
    public void Notes_are_validated_like_other_text()
    {
        var household = Registered();
        Assert.Equal("TOO_LONG", household.Suspend(Actor, Now, new string('x', 501)).Errors.Single().Code);
        Assert.Equal("INVALID_CHARACTERS", household.Suspend(Actor, Now, "a\u0000b").Errors.Single().Code);
        Assert.Equal(HouseholdStatus.Active, household.Status);
    }
}
