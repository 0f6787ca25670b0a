using Bansos.Gateway.Users;
using Bansos.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Bansos.Gateway.Proxy;

/// <summary>
/// The gateway's own refusals in the caller's language: problem details for REST, a trailers-only
/// gRPC status for gRPC (so a 401/403/429 from the gateway reads like the services' own).
/// </summary>
public sealed class GatewayErrors(IProblemDetailsService problems) : IExceptionHandler
{
    public static bool IsGrpc(HttpContext context) =>
        context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static void WriteGrpcStatus(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }

    public static Task WriteProblemAsync(HttpContext context, int status, string title, string detail, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Detail = detail }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
    }

    /// <summary>Turns the authorization middleware's bare 401/403 into problem details or gRPC statuses.</summary>
    public static async Task StatusPagesAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var code = context.Response.StatusCode;
        if (code is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden) || context.Response.HasStarted)
        {
            return;
        }

        if (IsGrpc(context))
        {
            WriteGrpcStatus(context, code == 401 ? 16 /* UNAUTHENTICATED */ : 7 /* PERMISSION_DENIED */,
                code == 401 ? "Perlu masuk (authentication required)." : "Peran Anda tidak diizinkan (your role is not allowed).");
            return;
        }

        await WriteProblemAsync(context, code, code == 401 ? "Unauthorized" : "Forbidden",
            code == 401 ? "Perlu token atau sertifikat yang sah (a valid token or client certificate is required)."
                        : "Peran Anda tidak diizinkan untuk rute ini (your role is not allowed on this route).",
            context.RequestAborted);
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title) = exception switch
        {
            ValidationException => (StatusCodes.Status400BadRequest, "Invalid request"),
            NotFoundException => (StatusCodes.Status404NotFound, "Not found"),
            ConflictException => (StatusCodes.Status409Conflict, "Conflict"),
            SignInRefusedException => (StatusCodes.Status401Unauthorized, "Sign-in refused"),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request"),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }

        context.Response.StatusCode = status;
        var details = new ProblemDetails { Status = status, Title = title, Detail = exception.Message };
        if (exception is ValidationException validation)
        {
            details.Extensions["errors"] = validation.Violations
                .GroupBy(v => v.Field)
                .ToDictionary(g => g.Key, g => g.Select(v => v.Description).ToArray());
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }
}
