using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bansos.ServiceDefaults.Hosting;

/// <summary>
/// Turns the REST facade's gRPC errors (JSON transcoding writes <c>{code, message, details}</c> with
/// google's HTTP mapping) into RFC 9457 problem details with the status a REST client expects: a
/// refused transition (FAILED_PRECONDITION) is 409 Conflict with the ticket's current status, bad
/// input 400 with the fields, a village outside the token's scope 403, an unknown ticket 404.
/// One mechanism for every service's REST facade; a service turns it on for its routes with
/// <see cref="TranscodedProblemDetailsExtensions.UseTranscodedProblemDetails"/>.
/// </summary>
public sealed class TranscodedProblemDetails(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        buffer.Position = 0;
        if (context.Response.StatusCode >= 400 && context.Response.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true
            && TryReadStatus(buffer, out var code, out var message, out var details))
        {
            var problem = new JsonObject
            {
                ["type"] = "https://grpc.io/docs/guides/status-codes/",
                ["title"] = TitleOf(code),
                ["status"] = HttpStatusOf(code, context.Response.StatusCode),
                ["detail"] = message,
                ["grpcStatus"] = code,
            };
            var errors = new JsonObject();
            foreach (var (field, description) in FieldViolations(details))
            {
                if (field == "status" && code == 9)
                {
                    problem["currentStatus"] = description;
                }

                (errors[field] as JsonArray ?? (JsonArray)(errors[field] = new JsonArray())).Add(description);
            }

            if (errors.Count > 0)
            {
                problem["errors"] = errors;
            }

            context.Response.StatusCode = (int)problem["status"]!;
            context.Response.ContentType = "application/problem+json";
            context.Response.ContentLength = null;
            await context.Response.WriteAsync(problem.ToJsonString(), context.RequestAborted);
            return;
        }

        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static bool TryReadStatus(MemoryStream body, out int code, out string message, out JsonArray? details)
    {
        code = 0;
        message = "";
        details = null;
        try
        {
            if (JsonNode.Parse(body.ToArray()) is JsonObject status && status["code"] is JsonValue value && value.TryGetValue(out code))
            {
                message = status["message"]?.GetValue<string>() ?? "";
                details = status["details"] as JsonArray;
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    private static IEnumerable<(string Field, string Description)> FieldViolations(JsonArray? details)
    {
        foreach (var detail in details ?? [])
        {
            if (detail?["fieldViolations"] is JsonArray violations)
            {
                foreach (var violation in violations)
                {
                    yield return (violation?["field"]?.GetValue<string>() ?? "", violation?["description"]?.GetValue<string>() ?? "");
                }
            }
        }
    }

    private static int HttpStatusOf(int grpcCode, int transcoded) => grpcCode switch
    {
        3 => StatusCodes.Status400BadRequest,
        5 => StatusCodes.Status404NotFound,
        6 or 9 => StatusCodes.Status409Conflict,
        7 => StatusCodes.Status403Forbidden,
        16 => StatusCodes.Status401Unauthorized,
        _ => transcoded,
    };

    private static string TitleOf(int grpcCode) => grpcCode switch
    {
        3 => "Invalid input",
        5 => "Not found",
        6 => "Already exists",
        7 => "Permission denied",
        9 => "Conflict with the current state",
        16 => "Unauthenticated",
        _ => "Error",
    };
}
