using Bansos.Protos.Complaint.V1;

namespace Bansos.Agent.Complaints;

/// <summary>The complaint service as the agent uses it: filing only (a terminal sees no tickets, docs/complaint.md).</summary>
public interface IComplaintClient
{
    Task<Complaint> FileAsync(FileComplaintRequest request, CancellationToken cancellationToken);
}
