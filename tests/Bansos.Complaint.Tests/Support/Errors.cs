using Google.Rpc;
using Grpc.Core;

namespace Bansos.Complaint.Tests.Support;

/// <summary>Reading gRPC errors: the status code and the field violations of a google.rpc.BadRequest.</summary>
public static class Errors
{
    public static async Task<RpcException> RpcAsync(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(error.StatusCode == code, $"expected {code}, got {error.StatusCode}: {error.Status.Detail}");
        return error;
    }

    public static IReadOnlyList<string> Fields(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];

    public static string? Violation(RpcException error, string field) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.FirstOrDefault(v => v.Field == field)?.Description;
}
