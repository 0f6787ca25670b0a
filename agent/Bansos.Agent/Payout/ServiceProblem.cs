using Bansos.Agent.Messages;
using Grpc.Core;

namespace Bansos.Agent.Payout;

/// <summary>What a failed call means for the operator, and whether asking again may help.</summary>
public sealed record ServiceProblem(bool Transient, bool NotImplemented, Notice Notice)
{
    public static ServiceProblem From(RpcException e) => e.StatusCode switch
    {
        // The request may or may not have arrived: only a retry with the same idempotency key can tell.
        StatusCode.Unavailable or StatusCode.Aborted or StatusCode.ResourceExhausted or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled
            => new(true, false, Notice.Error(Msg.GatewayUnreachable)),
        StatusCode.DeadlineExceeded => new(true, false, Notice.Error(Msg.GatewayTimeout)),
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => new(false, false, Notice.Error(Msg.NotAuthorized)),
        StatusCode.Unimplemented => new(false, true, Notice.Error(Msg.ServiceError)),
        // The services' own messages are plain words, Indonesian first (docs/payout.md "Errors").
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.NotFound or StatusCode.AlreadyExists or StatusCode.OutOfRange
            => new(false, false, Notice.Error(Msg.ServiceRefused, string.IsNullOrWhiteSpace(e.Status.Detail) ? "-" : e.Status.Detail)),
        _ => new(false, false, Notice.Error(Msg.ServiceError)),
    };
}
