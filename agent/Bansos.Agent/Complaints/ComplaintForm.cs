using Bansos.Agent.Messages;
using Bansos.Protos.Complaint.V1;

namespace Bansos.Agent.Complaints;

/// <summary>
/// What the person complaining tells the posko. In <c>--json</c> mode it is one JSON object on
/// standard input — never arguments, which other users of the PC could read (names, NIK, phone).
/// </summary>
public sealed record ComplaintForm(string? Category, string? Description, string? Name, string? Phone, string? Nik)
{
    /// <summary>Every problem at once, in the form's order; empty when the form can be filed.</summary>
    public IReadOnlyList<Msg> Problems(DateOnly today)
    {
        var problems = new List<Msg>();
        if (ComplaintCategories.Parse(Category) is null) problems.Add(Msg.ComplaintCategoryInvalid);
        foreach (var problem in new[] { ComplaintInput.Description(Description), ComplaintInput.Name(Name), ComplaintInput.Phone(Phone), ComplaintInput.Nik(Nik, today) })
        {
            if (problem is { } p) problems.Add(p);
        }
        return problems;
    }

    /// <summary>The request for the complaint service (channel AGENT); call when <see cref="Problems"/> is empty.</summary>
    public FileComplaintRequest ToRequest(string villageCode, string? householdId, string? payoutId, string? cardNote) => new()
    {
        VillageCode = villageCode.Trim(),
        Category = ComplaintCategories.Parse(Category) ?? ComplaintCategory.Other,
        Description = WithNote(Description!.Trim(), cardNote),
        Channel = ComplaintChannel.Agent,
        HouseholdId = householdId ?? "",
        PayoutId = payoutId?.Trim() ?? "",
        Nik = Nik?.Trim() ?? "",
        ReporterName = Name!.Trim(),
        ReporterPhone = Phone?.Trim() ?? "",
    };

    /// <summary>The masked card after the description, the description shortened if both would exceed the service's limit.</summary>
    private static string WithNote(string description, string? note)
    {
        if (note is null) return description;
        var suffix = $" ({note})";
        return description[..Math.Min(description.Length, ComplaintInput.MaxDescription - suffix.Length)] + suffix;
    }
}
