using Bansos.Complaint.Domain;

namespace Bansos.Complaint.Application;

/// <summary>A ticket with its history (empty in lists) and its SLA state now.</summary>
public sealed record ComplaintView(Domain.Complaint Complaint, IReadOnlyList<HistoryEntry> History, SlaState Sla);
