using System.Net;
using System.Text.Json;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace Bansos.Registry.Tests.Support;

/// <summary>Assertions on gRPC errors (status + google.rpc.BadRequest) and on REST answers.</summary>
public static class Errors
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>Awaits a call that must fail with <paramref name="code"/>.</summary>
    public static async Task<RpcException> FailsAsync(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(error.StatusCode == code, $"Expected {code}, got {error.StatusCode}: {error.Status.Detail}");
        return error;
    }

    /// <summary>The field violations of the status details, as (field, description).</summary>
    public static IReadOnlyList<(string Field, string Description)> Violations(RpcException error)
    {
        var status = error.GetRpcStatus();
        Assert.NotNull(status);
        var badRequest = status.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        return [.. badRequest.FieldViolations.Select(v => (v.Field, v.Description))];
    }

    /// <summary>Asserts that one violation names <paramref name="field"/> and returns its description.</summary>
    public static string Violation(RpcException error, string field)
    {
        var violations = Violations(error);
        var match = violations.Where(v => v.Field == field).ToList();
        Assert.True(match.Count > 0, $"No violation for '{field}' in [{string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))}]");
        Assert.False(string.IsNullOrWhiteSpace(match[0].Description));
        return match[0].Description;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.False(string.IsNullOrWhiteSpace(text), $"HTTP {(int)response.StatusCode} with an empty body");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<T> ProtoAsync<T>(HttpResponseMessage response)
        where T : IMessage, new()
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
        return Parser.Parse<T>(text);
    }

    public static async Task<JsonElement> RestFailsAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected HTTP {(int)expected}, got {(int)response.StatusCode}: {text}");
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The field violations of a transcoded gRPC error body (google.rpc.Status as JSON).</summary>
    public static IReadOnlyList<(string Field, string Description)> RestViolations(JsonElement body)
    {
        var list = new List<(string, string)>();
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("details", out var details))
        {
            foreach (var detail in details.EnumerateArray())
            {
                if (detail.TryGetProperty("fieldViolations", out var violations))
                {
                    list.AddRange(violations.EnumerateArray().Select(v =>
                        (v.GetProperty("field").GetString() ?? "", v.GetProperty("description").GetString() ?? "")));
                }
            }
        }

        return list;
    }

    public static void RestViolation(JsonElement body, string field)
    {
        var violations = RestViolations(body);
        Assert.True(violations.Any(v => v.Field == field && v.Description.Length > 0),
            $"No violation for '{field}' in {body}");
    }
}
