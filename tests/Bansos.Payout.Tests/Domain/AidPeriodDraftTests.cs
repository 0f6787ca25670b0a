using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Hosting;

namespace Bansos.Payout.Tests.Domain;

public sealed class AidPeriodDraftTests
{
    [Fact]
    public void A_good_period_is_accepted_and_trimmed()
    {
        var draft = AidPeriodDraft.Create(" SEMBAKO-2021-11 ", "SEMBAKO", 200_000, "2021-11-01", "2021-11-30", ["17.03.12.2003", " 17.03.14.2017"]);
        Assert.Equal("SEMBAKO-2021-11", draft.Code);
        Assert.Equal(new DateOnly(2021, 11, 1), draft.StartDate);
        Assert.Equal(["17.03.12.2003", "17.03.14.2017"], draft.VillageCodes);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var error = Assert.Throws<ValidationException>(() =>
            AidPeriodDraft.Create("sembako 2021", "BERAS", 0, "2021-13-01", "yesterday", ["17.3.12.2003", "17.03.12.2003", "17.03.12.2003"]));
        var fields = error.Violations.Select(v => v.Field).ToList();
        Assert.Equal(["code", "programme", "amount_per_household", "start_date", "end_date", "village_codes[0]", "village_codes[2]"], fields);
    }

    [Fact]
    public void End_before_start_and_no_villages_are_refused()
    {
        var error = Assert.Throws<ValidationException>(() => AidPeriodDraft.Create("P-1", "PKH", 1, "2021-11-30", "2021-11-01", []));
        Assert.Equal(["end_date", "village_codes"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void A_slipped_zero_is_caught() =>
        Assert.Throws<ValidationException>(() => AidPeriodDraft.Create("P-1", "PKH", AidPeriodDraft.MaxAmount + 1, "2021-11-01", "2021-11-30", ["17.03.12.2003"]));
}
