using Bansos.ServiceDefaults.Hosting;
using Google.Rpc;
using Grpc.Core;

namespace Bansos.ServiceDefaults.Tests;

public sealed class GrpcExceptionMappingTests
{
    [Fact]
    public void Not_found_is_NotFound()
    {
        var mapped = GrpcExceptionInterceptor.Map(new NotFoundException("rumah tangga tidak ditemukan"));

        Assert.NotNull(mapped);
        Assert.Equal(StatusCode.NotFound, mapped.StatusCode);
        Assert.Equal("rumah tangga tidak ditemukan", mapped.Status.Detail);
    }

    [Fact]
    public void A_conflict_is_FailedPrecondition_with_its_fields()
    {
        var mapped = GrpcExceptionInterceptor.Map(new ConflictException("periode sudah dibuka", [new FieldViolation("status", "OPEN")]));

        Assert.NotNull(mapped);
        Assert.Equal(StatusCode.FailedPrecondition, mapped.StatusCode);
        Assert.Equal("status", mapped.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Single().Field);
    }

    [Fact]
    public void Data_annotations_validation_is_InvalidArgument()
    {
        var mapped = GrpcExceptionInterceptor.Map(new System.ComponentModel.DataAnnotations.ValidationException(
            new System.ComponentModel.DataAnnotations.ValidationResult("wajib diisi", ["nama"]), null, null));

        Assert.NotNull(mapped);
        Assert.Equal(StatusCode.InvalidArgument, mapped.StatusCode);
        Assert.Equal("nama", mapped.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Single().Field);
    }

    [Fact]
    public void Other_exceptions_pass_through() =>
        Assert.Null(GrpcExceptionInterceptor.Map(new InvalidOperationException("bug")));
}
