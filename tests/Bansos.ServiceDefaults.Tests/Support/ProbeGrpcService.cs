using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Tests.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Bansos.ServiceDefaults.Tests.Support;

public sealed class ProbeGrpcService(ICurrentActor actor) : Probe.ProbeBase
{
    public override Task<ProbeReply> WhoAmI(ProbeRequest request, ServerCallContext context) => Task.FromResult(Reply());

    [Authorize(Roles = BansosRoles.Admin)]
    public override Task<ProbeReply> AdminOnly(ProbeRequest request, ServerCallContext context) => Task.FromResult(Reply());

    public override Task<ProbeReply> Validate(ProbeRequest request, ServerCallContext context) =>
        throw new ValidationException([new FieldViolation("nik", "NIK harus 16 digit"), new FieldViolation("kk", "KK wajib diisi")]);

    public override Task<ProbeReply> Find(ProbeRequest request, ServerCallContext context) =>
        throw new KeyNotFoundException($"household {request.Text} not found");

    private ProbeReply Reply() => new() { Subject = actor.Subject, Roles = { actor.Roles }, TerminalId = actor.TerminalId ?? 0 };
}
