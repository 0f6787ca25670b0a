namespace Bansos.Payout.Domain;

/// <summary>A period's figures in one village (or in total, with an empty village code).</summary>
public sealed record VillageFigures(
    string VillageCode,
    long EntitledHouseholds,
    long PaidHouseholds,
    long FullyPaidHouseholds,
    long AmountEntitled,
    long AmountPaid)
{
    public long AmountLeft => AmountEntitled - AmountPaid;

    public static VillageFigures Sum(IEnumerable<VillageFigures> rows)
    {
        var list = rows.ToList();
        return new VillageFigures(
            "",
            list.Sum(r => r.EntitledHouseholds),
            list.Sum(r => r.PaidHouseholds),
            list.Sum(r => r.FullyPaidHouseholds),
            list.Sum(r => r.AmountEntitled),
            list.Sum(r => r.AmountPaid));
    }
}
