using Bansos.Protos.Gateway.V1;

namespace Bansos.Agent.Enrolment;

/// <summary>The gateway's TerminalEnrolmentService (a fake in unit tests).</summary>
public interface IEnrolmentClient
{
    Task<TerminalCertificate> EnrollAsync(EnrollRequest request, CancellationToken cancellationToken);

    Task<TerminalCertificate> RenewAsync(RenewRequest request, CancellationToken cancellationToken);
}
