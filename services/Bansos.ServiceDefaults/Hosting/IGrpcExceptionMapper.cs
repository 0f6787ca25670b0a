using Grpc.Core;

namespace Bansos.ServiceDefaults.Hosting;

/// <summary>
/// A service's own exception → gRPC status mapping (e.g. its NotFoundException → NotFound).
/// Register as a singleton; <see cref="GrpcExceptionInterceptor"/> asks each in turn, after its own
/// ValidationException mapping. Return null to pass.
/// </summary>
public interface IGrpcExceptionMapper
{
    RpcException? Map(Exception exception);
}
