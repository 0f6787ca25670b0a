using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Bansos.ServiceDefaults.Hosting;

/// <summary>
/// Turns <see cref="ValidationException"/> (and DataAnnotations' one) into InvalidArgument with a
/// google.rpc.BadRequest in the status details (grpc-status-details-bin), so clients can show
/// which field is wrong; <see cref="NotFoundException"/> into NotFound; <see cref="ConflictException"/>
/// into FailedPrecondition; a <see cref="Storage.ConcurrencyConflictException"/> that outlived
/// its retries into Aborted; then asks the registered <see cref="IGrpcExceptionMapper"/>s. Other
/// exceptions pass through unchanged.
/// </summary>
public sealed class GrpcExceptionInterceptor(IEnumerable<IGrpcExceptionMapper> mappers) : Interceptor
{
    private readonly IGrpcExceptionMapper[] mappers = [.. mappers];

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (MapAny(ex) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception ex) when (MapAny(ex) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (MapAny(ex) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception ex) when (MapAny(ex) is { } mapped)
        {
            throw mapped;
        }
    }

    private RpcException? MapAny(Exception exception)
    {
        if (exception is RpcException)
        {
            return null;
        }

        if (Map(exception) is { } mapped)
        {
            return mapped;
        }

        foreach (var mapper in mappers)
        {
            if (mapper.Map(exception) is { } byService)
            {
                return byService;
            }
        }

        return null;
    }

    /// <summary>The RpcException one of ServiceDefaults' exceptions becomes, or null to let it through.</summary>
    public static RpcException? Map(Exception exception) => exception switch
    {
        ValidationException validation => InvalidArgument(validation.Message, validation.Violations),
        NotFoundException notFound => new RpcException(new Grpc.Core.Status(StatusCode.NotFound, notFound.Message)),
        ConflictException conflict => FailedPrecondition(conflict.Message, conflict.Violations),
        Storage.ConcurrencyConflictException concurrency => new RpcException(new Grpc.Core.Status(StatusCode.Aborted, concurrency.Message)),
        System.ComponentModel.DataAnnotations.ValidationException annotations => InvalidArgument(
            annotations.Message,
            [.. (annotations.ValidationResult.MemberNames.Any() ? annotations.ValidationResult.MemberNames : [""])
                .Select(member => new FieldViolation(member, annotations.ValidationResult.ErrorMessage ?? annotations.Message))]),
        _ => null,
    };

    public static RpcException InvalidArgument(string message, IEnumerable<FieldViolation> violations) =>
        WithBadRequest(Code.InvalidArgument, message, violations);

    /// <summary>FailedPrecondition, with the fields concerned as a google.rpc.BadRequest when there are any.</summary>
    public static RpcException FailedPrecondition(string message, IEnumerable<FieldViolation> violations) =>
        WithBadRequest(Code.FailedPrecondition, message, violations);

    /// <summary>PermissionDenied naming the field the caller may not use (e.g. a filter their role does not have).</summary>
    public static RpcException PermissionDenied(string message, IEnumerable<FieldViolation> violations) =>
        WithBadRequest(Code.PermissionDenied, message, violations);

    private static RpcException WithBadRequest(Code code, string message, IEnumerable<FieldViolation> violations)
    {
        var badRequest = new BadRequest();
        foreach (var violation in violations)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = violation.Field,
                Description = violation.Description,
            });
        }

        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = message,
            Details = { Any.Pack(badRequest) },
        };
        return status.ToRpcException();
    }
}
