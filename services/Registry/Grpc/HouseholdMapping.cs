using Bansos.Protos.Registry.V1;
using Bansos.Registry.Data;
using Bansos.ServiceDefaults.Logging;
using Google.Protobuf.WellKnownTypes;

namespace Bansos.Registry.Grpc;

/// <summary>Rows and domain names to proto messages and back. No rules live here.</summary>
internal static class HouseholdMapping
{
    public static HouseholdStatus ToProtoStatus(string status) => status switch
    {
        "ACTIVE" => HouseholdStatus.Active,
        "SUSPENDED" => HouseholdStatus.Suspended,
        "REMOVED" => HouseholdStatus.Removed,
        _ => HouseholdStatus.Unspecified,
    };

    public static string? FromProtoStatus(HouseholdStatus status) => status switch
    {
        HouseholdStatus.Active => "ACTIVE",
        HouseholdStatus.Suspended => "SUSPENDED",
        HouseholdStatus.Removed => "REMOVED",
        _ => null,
    };

    public static RemovalReason ToProtoReason(string? reason) => reason switch
    {
        "DECEASED" => RemovalReason.Deceased,
        "MOVED" => RemovalReason.Moved,
        "INELIGIBLE" => RemovalReason.Ineligible,
        "DUPLICATE" => RemovalReason.Duplicate,
        _ => RemovalReason.Unspecified,
    };

    public static string? FromProtoReason(RemovalReason reason) => reason switch
    {
        RemovalReason.Deceased => "DECEASED",
        RemovalReason.Moved => "MOVED",
        RemovalReason.Ineligible => "INELIGIBLE",
        RemovalReason.Duplicate => "DUPLICATE",
        _ => null,
    };

    public static IEnumerable<string> SplitProgrammes(string programmes) =>
        programmes.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public static HouseholdSummary ToSummary(HouseholdSummaryRow row, Disclosure disclosure)
    {
        var summary = new HouseholdSummary
        {
            HouseholdId = row.Id.ToString(),
            KkNumber = disclosure.Number(row.KkNumber),
            HeadName = disclosure.Name(row.HeadName),
            VillageCode = row.VillageCode,
            Status = ToProtoStatus(row.Status),
            Desil = row.Desil,
            MemberCount = row.MemberCount,
        };
        summary.Programmes.AddRange(SplitProgrammes(row.Programmes));
        return summary;
    }

    public static AidCardInfo ToCardInfo(CardRow card) => new()
    {
        CardId = card.Id.ToString(),
        CardNumber = card.CardNumber,
        Status = card.Status,
        IssuedAt = Timestamp.FromDateTimeOffset(card.IssuedAt),
        ReplacedByCardId = card.ReplacedBy?.ToString() ?? "",
    };

    public static Household ToHousehold(HouseholdView details, string villageName, Disclosure disclosure)
    {
        var row = details.Household;
        var household = new Household
        {
            HouseholdId = row.Id.ToString(),
            KkNumber = disclosure.Number(row.KkNumber),
            Address = new Address
            {
                VillageCode = row.VillageCode,
                VillageName = villageName,
                Rt = row.Rt,
                Rw = row.Rw,
                Street = disclosure.Masked ? PersonalData.Withheld : row.Street,
            },
            Desil = row.Desil,
            Status = ToProtoStatus(row.Status),
            RemovalReason = ToProtoReason(row.RemovalReason),
            StatusNote = disclosure.FreeText(row.StatusNote),
            Version = row.Version,
        };
        household.Programmes.AddRange(SplitProgrammes(row.Programmes));
        household.Members.AddRange(details.Members.Select(m => new Member
        {
            Nik = disclosure.Number(m.Nik),
            Name = disclosure.Name(m.Name),
            Relation = m.Relation,
            Sex = m.Sex,
            BirthDate = disclosure.BirthDate(m.BirthDate),
        }));
        household.Cards.AddRange(details.Cards.Select(ToCardInfo));
        household.History.AddRange(details.History.Select(h => new HistoryEntry
        {
            At = Timestamp.FromDateTimeOffset(h.At),
            Actor = h.Actor,
            Action = h.Action,
            // The detail is free text holding member names, birth dates, the street and notes, which
            // masking cannot find reliably: callers who get personal data masked do not get it at all.
            Detail = disclosure.Masked ? PersonalData.Withheld : h.Detail,
        }));
        return household;
    }
}
