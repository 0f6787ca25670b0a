namespace Bansos.Complaint.Domain;

/// <summary>One line of a ticket's history: who did what, when.</summary>
public sealed record HistoryEntry(
    DateTimeOffset At,
    string Actor,
    ComplaintAction Action,
    ComplaintStatus? From,
    ComplaintStatus? To,
    string? Text);
