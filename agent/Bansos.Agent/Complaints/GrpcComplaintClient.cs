using Bansos.Protos.Complaint.V1;
using Grpc.Core;

namespace Bansos.Agent.Complaints;

/// <summary><see cref="IComplaintClient"/> over the generated client, with a deadline on every call.</summary>
public sealed class GrpcComplaintClient(ComplaintService.ComplaintServiceClient client, TimeSpan callTimeout) : IComplaintClient
{
    public async Task<Complaint> FileAsync(FileComplaintRequest request, CancellationToken cancellationToken) =>
        await client.FileComplaintAsync(request, new CallOptions(deadline: DateTime.UtcNow + callTimeout, cancellationToken: cancellationToken));
}
