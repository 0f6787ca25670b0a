using Bansos.Protos.Gateway.V1;
using Grpc.Core;

namespace Bansos.Agent.Enrolment;

public sealed class GrpcEnrolmentClient(TerminalEnrolmentService.TerminalEnrolmentServiceClient client, TimeSpan callTimeout) : IEnrolmentClient
{
    public async Task<TerminalCertificate> EnrollAsync(EnrollRequest request, CancellationToken cancellationToken) =>
        await client.EnrollAsync(request, new CallOptions(deadline: DateTime.UtcNow + callTimeout, cancellationToken: cancellationToken));

    public async Task<TerminalCertificate> RenewAsync(RenewRequest request, CancellationToken cancellationToken) =>
        await client.RenewAsync(request, new CallOptions(deadline: DateTime.UtcNow + callTimeout, cancellationToken: cancellationToken));
}
