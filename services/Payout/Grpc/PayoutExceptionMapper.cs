using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Hosting;
using Grpc.Core;

namespace Bansos.Payout.Grpc;

/// <summary>The payout domain's own refusals as gRPC status codes (ServiceDefaults maps validation, not-found and conflicts).</summary>
public sealed class PayoutExceptionMapper : IGrpcExceptionMapper
{
    public RpcException? Map(Exception exception) => exception switch
    {
        IdempotencyKeyReusedException e => new RpcException(new Status(StatusCode.AlreadyExists, e.Message)),
        TerminalNotAllowedException e => new RpcException(new Status(StatusCode.PermissionDenied, e.Message)),
        LookupThrottledException e => new RpcException(new Status(StatusCode.ResourceExhausted, e.Message)),
        _ => null,
    };
}
