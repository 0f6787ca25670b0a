using Bansos.Complaint.Application;
using Bansos.Complaint.Domain;
using Google.Protobuf.WellKnownTypes;
using Proto = Bansos.Protos.Complaint.V1;

namespace Bansos.Complaint.Grpc;

/// <summary>Domain ↔ proto. The enums share their numbers (the proto's 0 is "unspecified", mapped to null).</summary>
internal static class ProtoMapping
{
    public static ComplaintCategory? Category(Proto.ComplaintCategory value) =>
        value == Proto.ComplaintCategory.Unspecified ? null : (ComplaintCategory)(int)value;

    public static ComplaintChannel? Channel(Proto.ComplaintChannel value) =>
        value == Proto.ComplaintChannel.Unspecified ? null : (ComplaintChannel)(int)value;

    public static ComplaintStatus? Status(Proto.ComplaintStatus value) =>
        value == Proto.ComplaintStatus.Unspecified ? null : (ComplaintStatus)(int)value;

    public static SlaState? Sla(Proto.SlaState value) =>
        value == Proto.SlaState.Unspecified ? null : (SlaState)(int)value;

    public static Proto.Complaint ToProto(ComplaintView view, Disclosure disclosure)
    {
        var c = view.Complaint;
        var proto = new Proto.Complaint
        {
            ComplaintId = c.Id.ToString(),
            Number = c.Number.ToString(),
            VillageCode = c.VillageCode,
            DistrictCode = c.DistrictCode,
            Category = (Proto.ComplaintCategory)(int)c.Category,
            Description = disclosure.FreeText(c.Description),
            Channel = (Proto.ComplaintChannel)(int)c.Channel,
            HouseholdId = c.HouseholdId?.ToString() ?? "",
            PayoutId = c.PayoutId?.ToString() ?? "",
            Nik = disclosure.Nik(c.Nik),
            ReporterName = disclosure.Name(c.ReporterName),
            ReporterPhone = disclosure.Phone(c.ReporterPhone),
            Status = (Proto.ComplaintStatus)(int)c.Status,
            Assignee = c.Assignee ?? "",
            Resolution = disclosure.FreeText(c.Resolution),
            FiledAt = Timestamp.FromDateTimeOffset(c.FiledAt),
            FiledBy = c.FiledBy,
            DueAt = Timestamp.FromDateTimeOffset(c.DueAt),
            ResolvedAt = c.ResolvedAt is { } resolved ? Timestamp.FromDateTimeOffset(resolved) : null,
            SlaState = (Proto.SlaState)(int)view.Sla,
            Automatic = c.Automatic,
            Version = c.Version,
        };
        proto.History.AddRange(view.History.Select(h => new Proto.HistoryEntry
        {
            At = Timestamp.FromDateTimeOffset(h.At),
            Actor = h.Actor,
            Action = h.Action.Code(),
            FromStatus = h.From is { } from ? (Proto.ComplaintStatus)(int)from : Proto.ComplaintStatus.Unspecified,
            ToStatus = h.To is { } to ? (Proto.ComplaintStatus)(int)to : Proto.ComplaintStatus.Unspecified,
            Text = disclosure.FreeText(h.Text),
        }));
        return proto;
    }

    public static Proto.CategoryStatistics ToProto(CategoryFigures figures) => new()
    {
        VillageCode = figures.VillageCode,
        Category = (Proto.ComplaintCategory)(int)figures.Category,
        Received = figures.Received,
        Resolved = figures.Resolved,
        Open = figures.Open,
        Breached = figures.Breached,
        MedianHoursToResolve = figures.MedianHoursToResolve,
    };
}
