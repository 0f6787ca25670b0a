using Bansos.Complaint.Application;
using Bansos.Complaint.Domain;
using Bansos.ServiceDefaults.Hosting;
using Grpc.Core;

namespace Bansos.Complaint.Grpc;

/// <summary>
/// A refused transition is FAILED_PRECONDITION with the current status as a field violation
/// (<c>status</c>); a village outside the token's scope, or a read-only caller, PERMISSION_DENIED.
/// </summary>
public sealed class ComplaintExceptionMapper : IGrpcExceptionMapper
{
    public RpcException? Map(Exception exception) => exception switch
    {
        TransitionRefusedException e => GrpcExceptionInterceptor.FailedPrecondition(e.Message, [new FieldViolation("status", e.Current.Code())]),
        VillageNotAllowedException e => new RpcException(new Status(StatusCode.PermissionDenied, e.Message)),
        _ => null,
    };
}
