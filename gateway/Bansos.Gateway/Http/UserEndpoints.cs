using Bansos.Gateway.Data;
using Bansos.Gateway.Domain;
using Bansos.Gateway.Proxy;
using Bansos.Gateway.Terminals;
using Bansos.Gateway.Users;
using Bansos.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bansos.Gateway.Http;

/// <summary>The gateway's own admin routes: users and terminal enrolment codes (role: admin).</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapGatewayAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/v1/gateway").RequireAuthorization(GatewayPolicies.Admin)
            .RequireGatewayRateLimit(RateLimitPolicy.Caller).WithTags("gateway");
        admin.MapGet("/users", ListAsync).WithSummary("List users (role: admin)");
        admin.MapPost("/users", CreateAsync).WithSummary("Create a user; the generated password is returned once (role: admin)")
            .WithDescription("Example body: {\"userName\":\"siti\",\"displayName\":\"Siti Aminah\",\"role\":\"operator\",\"villages\":[\"17.03.12.2003\"]}");
        admin.MapPost("/users/{userName}/disable", (string userName, ICurrentActor actor, UserAdministration users, CancellationToken ct) =>
                ChangeAsync(users.SetDisabledAsync(actor.Subject, userName, true, ct)))
            .WithSummary("Disable a user: sign-in and refresh refused at once (role: admin)");
        admin.MapPost("/users/{userName}/enable", (string userName, ICurrentActor actor, UserAdministration users, CancellationToken ct) =>
                ChangeAsync(users.SetDisabledAsync(actor.Subject, userName, false, ct)))
            .WithSummary("Enable a user again (role: admin)");
        admin.MapPut("/users/{userName}/role", (string userName, RoleRequest request, ICurrentActor actor, UserAdministration users, CancellationToken ct) =>
                ChangeAsync(users.SetRoleAsync(actor.Subject, userName, request.Role, request.Villages ?? [], ct)))
            .WithSummary("Change a user's role and villages; their sessions end (role: admin)")
            .WithDescription("Example body: {\"role\":\"operator\",\"villages\":[\"17.03.12.2003\",\"17.03.12.2004\"]}");
        admin.MapPost("/users/{userName}/password", async (string userName, ICurrentActor actor, UserAdministration users, CancellationToken ct) =>
                TypedResults.Ok(new PasswordResponse(userName, await users.ResetPasswordAsync(actor.Subject, userName, ct))))
            .WithSummary("Generate a new password, returned once (role: admin)");
        admin.MapPost("/terminals/{terminalId:long}/enrolment-codes", IssueCodeAsync)
            .WithSummary("A one-time enrolment code for a terminal registered in payout: 24 h, single use (role: admin)");
        return routes;
    }

    private static async Task<Ok<UserResponse[]>> ListAsync(UserStore users, CancellationToken ct) =>
        TypedResults.Ok((await users.ListAsync(ct)).Select(UserResponse.From).ToArray());

    private static async Task<Created<CreatedUserResponse>> CreateAsync(
        CreateUserRequest request, ICurrentActor actor, UserAdministration users, CancellationToken ct)
    {
        var (user, password) = await users.CreateAsync(actor.Subject, request.UserName, request.DisplayName, request.Role, request.Villages ?? [], ct);
        return TypedResults.Created($"/api/v1/gateway/users/{user.UserName}", new CreatedUserResponse(UserResponse.From(user), password));
    }

    private static async Task<Ok<UserResponse>> ChangeAsync(Task<GatewayUser> change) => TypedResults.Ok(UserResponse.From(await change));

    private static async Task<Ok<EnrolmentCodeResponse>> IssueCodeAsync(long terminalId, ICurrentActor actor, EnrolmentCodes codes, CancellationToken ct)
    {
        var (code, expiresAt) = await codes.IssueAsync(actor.Subject, terminalId, ct);
        return TypedResults.Ok(new EnrolmentCodeResponse(terminalId, code, expiresAt));
    }

    public sealed record CreateUserRequest(string UserName, string DisplayName, string Role, string[]? Villages);

    public sealed record RoleRequest(string Role, string[]? Villages);

    public sealed record UserResponse(string UserName, string DisplayName, string Role, IReadOnlyList<string> Villages, bool Disabled, bool Locked)
    {
        public static UserResponse From(GatewayUser user) =>
            new(user.UserName, user.DisplayName, user.Role, user.Villages, user.Disabled, user.IsLockedAt(DateTimeOffset.UtcNow));
    }

    public sealed record CreatedUserResponse(UserResponse User, string Password);

    public sealed record PasswordResponse(string UserName, string Password);

    public sealed record EnrolmentCodeResponse(long TerminalId, string Code, DateTimeOffset ExpiresAt);
}
