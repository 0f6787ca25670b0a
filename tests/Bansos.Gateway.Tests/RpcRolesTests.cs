using System.Reflection;
using Bansos.Gateway.OpenApi;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Authorization;

namespace Bansos.Gateway.Tests;

/// <summary>
/// The OpenAPI document's per-RPC roles (<see cref="RpcRoles"/>, a copy in the gateway) are what the
/// services' <c>[Authorize(Roles = …)]</c> attributes enforce: every RPC of every service, both ways.
/// </summary>
public sealed class RpcRolesTests
{
    private static readonly Assembly[] Services =
    [
        typeof(Bansos.Registry.Grpc.HouseholdGrpcService).Assembly,
        typeof(Bansos.Payout.Grpc.AidPeriodGrpcService).Assembly,
        typeof(Bansos.Complaint.Grpc.ComplaintGrpcService).Assembly,
    ];

    [Fact]
    public void The_documents_roles_per_RPC_are_the_services_attributes()
    {
        var enforced = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var implementation in Services.SelectMany(a => a.GetTypes()).Where(IsGrpcService))
        {
            var descriptor = (ServiceDescriptor)implementation.BaseType!.DeclaringType!.GetProperty("Descriptor")!.GetValue(null)!;
            foreach (var method in descriptor.Methods)
            {
                enforced[$"{descriptor.FullName}/{method.Name}"] = EffectiveRoles(implementation, method.Name);
            }
        }

        var missing = enforced.Keys.Except(RpcRoles.ByMethod.Keys).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Add to gateway/Bansos.Gateway/OpenApi/RpcRoles.cs: " +
            string.Join("; ", missing.Select(m => $"[\"{m}\"] = [{string.Join(", ", enforced[m])}]")));
        Assert.Empty(RpcRoles.ByMethod.Keys.Except(enforced.Keys)); // an RPC that no service implements any more
        Assert.All(enforced, rpc => Assert.True(
            rpc.Value.Order(StringComparer.Ordinal).SequenceEqual(RpcRoles.ByMethod[rpc.Key].Order(StringComparer.Ordinal)),
            $"{rpc.Key}: the service allows [{string.Join(", ", rpc.Value)}], RpcRoles says [{string.Join(", ", RpcRoles.ByMethod[rpc.Key])}]"));
    }

    private static bool IsGrpcService(Type type) =>
        type is { IsClass: true, IsAbstract: false, BaseType.DeclaringType: { } generated } &&
        generated.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.PropertyType == typeof(ServiceDescriptor);

    /// <summary>
    /// ASP.NET Core requires every [Authorize] on the class and the method to pass: the roles let in are
    /// the intersection of those that name roles. An RPC the class does not override keeps the class's.
    /// </summary>
    private static string[] EffectiveRoles(Type implementation, string methodName)
    {
        var method = implementation.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(m => m.Name == methodName && m.DeclaringType == implementation);
        var attributes = implementation.GetCustomAttributes<AuthorizeAttribute>(inherit: true)
            .Concat(method?.GetCustomAttributes<AuthorizeAttribute>(inherit: true) ?? [])
            .Where(a => a.Roles is not null)
            .ToList();
        Assert.True(attributes.Count > 0, $"{implementation.Name}.{methodName} names no roles: every RPC must.");
        return [.. attributes
            .Select(a => a.Roles!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Aggregate((left, right) => [.. left.Intersect(right, StringComparer.Ordinal)])];
    }
}
