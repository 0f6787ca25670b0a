using Bansos.Gateway.Pki;
using Bansos.Gateway.Terminals;
using Bansos.ServiceDefaults.Auth;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Proto = Bansos.Protos.Gateway.V1;

namespace Bansos.Gateway.Grpc;

/// <summary>Enrolment (code + CSR → client certificate) and renewal (current certificate + CSR). Maps and delegates.</summary>
public sealed class TerminalEnrolmentGrpcService(
    EnrolmentCodes codes,
    TerminalCertificates certificates,
    CertificateRevocations revocations,
    TerminalStatusMonitor terminals,
    GatewayPki pki,
    ILogger<TerminalEnrolmentGrpcService> logger) : Proto.TerminalEnrolmentService.TerminalEnrolmentServiceBase
{
    [AllowAnonymous]
    public override async Task<Proto.TerminalCertificate> Enroll(Proto.EnrollRequest request, ServerCallContext context)
    {
        var terminalId = await codes.ConsumeAsync(request.EnrolmentCode, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated,
                "Kode pendaftaran tidak dikenal, sudah dipakai atau kedaluwarsa (enrolment code unknown, used or expired): minta kode baru ke admin."));
        if (await terminals.RefreshAndGetAsync(terminalId, context.CancellationToken) != TerminalState.Active)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"Terminal {terminalId} tidak aktif (not active in payout)."));
        }

        var reply = Reply(terminalId, request.Csr);
        logger.LogInformation("Terminal {TerminalId} enrolled; certificate valid until {NotAfter:O}", terminalId, reply.NotAfter.ToDateTimeOffset());
        return reply;
    }

    [Authorize(AuthenticationSchemes = TerminalCertificateHandler.SchemeName, Roles = BansosRoles.Terminal)]
    public override async Task<Proto.TerminalCertificate> Renew(Proto.RenewRequest request, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var terminalId = long.Parse(http.User.FindFirst(BansosClaims.TerminalId)!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var reply = Reply(terminalId, request.Csr);
        // The certificate this call came with is refused from now on (D77): signed first, so a bad CSR
        // leaves the terminal its working certificate; revoked before the reply, so no reply goes out
        // while the old certificate still works.
        var current = http.Connection.ClientCertificate ?? await http.Connection.GetClientCertificateAsync(context.CancellationToken);
        await revocations.RevokeAsync(terminalId, current!, CertificateRevocations.RenewedReason, context.CancellationToken);
        logger.LogInformation("Terminal {TerminalId} renewed its certificate; valid until {NotAfter:O}", terminalId, reply.NotAfter.ToDateTimeOffset());
        return reply;
    }

    private Proto.TerminalCertificate Reply(long terminalId, ByteString csr)
    {
        using var certificate = certificates.Sign(terminalId, csr.ToByteArray());
        return new Proto.TerminalCertificate
        {
            TerminalId = terminalId,
            Certificate = ByteString.CopyFrom(certificate.RawData),
            NotAfter = Timestamp.FromDateTime(certificate.NotAfter.ToUniversalTime()),
            ServerCaCertificate = ByteString.CopyFrom(pki.ServerCa.RawData),
        };
    }
}
