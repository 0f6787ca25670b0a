using Bansos.ServiceDefaults.Hosting;
using Grpc.Core;

namespace Bansos.ServiceDefaults.Tests.Support;

/// <summary>What a service registers for its own exceptions.</summary>
public sealed class NotFoundMapper : IGrpcExceptionMapper
{
    public RpcException? Map(Exception exception) =>
        exception is KeyNotFoundException ? new RpcException(new Status(StatusCode.NotFound, exception.Message)) : null;
}
