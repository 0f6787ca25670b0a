using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Bansos.ServiceDefaults.Auth;

internal sealed class CurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public const string System = "system";

    private ClaimsPrincipal? User =>
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public bool IsAuthenticated => User is not null;

    public string Subject => User?.FindFirst(BansosClaims.Subject)?.Value ?? (IsAuthenticated ? "unknown" : System);

    public string DisplayName =>
        User?.FindFirst(BansosClaims.Name)?.Value ?? User?.FindFirst("preferred_username")?.Value ?? Subject;

    public IReadOnlyList<string> Roles =>
        User?.FindAll(BansosClaims.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray() ?? [];

    public long? TerminalId =>
        User is not null && User.IsInRole(BansosRoles.Terminal) &&
        long.TryParse(User.FindFirst(BansosClaims.TerminalId)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public DateTimeOffset? TokenExpiresAt =>
        long.TryParse(User?.FindFirst("exp")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public bool IsInRole(string role) => User?.IsInRole(role) ?? false;
}
