using Bansos.Complaint.Domain;

namespace Bansos.Complaint.Data;

/// <summary>A <c>complaint_history</c> row as Dapper reads it.</summary>
internal sealed class HistoryRow
{
    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    public string? FromStatus { get; set; }

    public string? ToStatus { get; set; }

    public string? Text { get; set; }

    public HistoryEntry ToDomain() => new(At, Actor, ComplaintCodes.ParseAction(Action),
        FromStatus is null ? null : ComplaintCodes.ParseStatus(FromStatus),
        ToStatus is null ? null : ComplaintCodes.ParseStatus(ToStatus),
        Text);
}
