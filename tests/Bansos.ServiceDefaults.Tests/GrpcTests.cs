using Bansos.ServiceDefaults.Tests.Grpc;
using Bansos.ServiceDefaults.Tests.Support;
using Bansos.Testing;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;

namespace Bansos.ServiceDefaults.Tests;

public sealed class GrpcTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_without_a_token_is_Unauthenticated()
    {
        await using var app = await TestApp.StartAsync();
        var client = new Probe.ProbeClient(app.CreateChannel());

        var error = await Assert.ThrowsAsync<RpcException>(() => client.WhoAmIAsync(new ProbeRequest(), cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_call_without_the_role_is_PermissionDenied()
    {
        await using var app = await TestApp.StartAsync();
        var client = new Probe.ProbeClient(app.CreateChannel());

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.AdminOnlyAsync(new ProbeRequest(), Auth(TestTokens.Operator()), cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);

        var reply = await client.AdminOnlyAsync(new ProbeRequest(), Auth(TestTokens.Admin("budi")), cancellationToken: Ct);
        Assert.Equal("budi", reply.Subject);
    }

    [Fact]
    public async Task The_terminal_comes_from_the_token()
    {
        await using var app = await TestApp.StartAsync();
        var client = new Probe.ProbeClient(app.CreateChannel());

        var reply = await client.WhoAmIAsync(new ProbeRequest(), Auth(TestTokens.Terminal(257)), cancellationToken: Ct);

        Assert.Equal(257, reply.TerminalId);
        Assert.Equal(["terminal"], reply.Roles);
    }

    [Fact]
    public async Task Reflection_lists_the_services_to_an_authenticated_caller_only()
    {
        await using var app = await TestApp.StartAsync();
        var client = new global::Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(app.CreateChannel());

        async Task<IReadOnlyList<string>> ListAsync(Metadata? headers)
        {
            using var call = client.ServerReflectionInfo(headers, cancellationToken: Ct);
            await call.RequestStream.WriteAsync(new global::Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" }, Ct);
            await call.RequestStream.CompleteAsync();
            Assert.True(await call.ResponseStream.MoveNext(Ct));
            return [.. call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name)];
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => ListAsync(null));
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        var services = await ListAsync(Auth(TestTokens.Operator()));
        Assert.Contains("grpc.health.v1.Health", services);
        Assert.Contains(services, name => name.EndsWith("Probe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_validation_error_is_InvalidArgument_with_field_details()
    {
        await using var app = await TestApp.StartAsync();
        var client = new Probe.ProbeClient(app.CreateChannel());

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.ValidateAsync(new ProbeRequest(), Auth(TestTokens.Operator()), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var status = error.GetRpcStatus();
        Assert.NotNull(status);
        var badRequest = status.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(["nik", "kk"], badRequest.FieldViolations.Select(v => v.Field));
        Assert.Equal("NIK harus 16 digit", badRequest.FieldViolations[0].Description);
    }

    [Fact]
    public async Task A_service_mapper_translates_its_own_exceptions()
    {
        await using var app = await TestApp.StartAsync();
        var client = new Probe.ProbeClient(app.CreateChannel());

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.FindAsync(new ProbeRequest { Text = "h-1" }, Auth(TestTokens.Operator()), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("household h-1 not found", error.Status.Detail);
    }

    [Fact]
    public async Task The_grpc_health_service_answers_without_a_token()
    {
        await using var app = await TestApp.StartAsync();
        var health = new Health.HealthClient(app.CreateChannel());

        var reply = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: Ct);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    private static Metadata Auth(string token) => new() { { "Authorization", TestTokens.Bearer(token) } };
}
