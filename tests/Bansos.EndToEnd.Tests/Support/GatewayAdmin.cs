using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Bansos.EndToEnd.Tests.Support;

/// <summary>
/// An admin at the gateway's REST facade, over TLS, trusting only the gateway's server CA (as the
/// agent does), with an access token from the gateway's own token endpoint.
/// </summary>
public sealed class GatewayAdmin : IDisposable
{
    private readonly HttpClient http;

    private GatewayAdmin(HttpClient http, string token)
    {
        this.http = http;
        Token = token;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>The access token (15 minutes: longer than any test here).</summary>
    public string Token { get; }

    public static async Task<GatewayAdmin> SignInAsync(Uri gateway, string serverCaFile, string userName, string password, CancellationToken ct)
    {
        var http = Client(gateway, X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(serverCaFile, ct)));
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password }, ct);
        var body = await ReadAsync(response, "POST /api/v1/auth/token", ct);
        return new GatewayAdmin(http, body.GetProperty("accessToken").GetString()!);
    }

    public async Task<JsonElement> GetAsync(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        return await ReadAsync(response, "GET " + path, ct);
    }

    public async Task<JsonElement> PostAsync(string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, ct);
        return await ReadAsync(response, "POST " + path, ct);
    }

    public async Task<JsonElement> PostCsvAsync(string path, string csv, CancellationToken ct)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await http.PostAsync(path, content, ct);
        return await ReadAsync(response, "POST " + path, ct);
    }

    /// <summary>An int64 of the REST facade: proto3 JSON writes it as a string.</summary>
    public static long Id(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number ? element.GetInt64() : long.Parse(element.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An int64 field that proto3 JSON leaves out when it is 0.</summary>
    public static long Number(JsonElement parent, string name) => parent.TryGetProperty(name, out var value) ? Id(value) : 0;

    public void Dispose() => http.Dispose();

    private static HttpClient Client(Uri gateway, X509Certificate2 serverCa)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(serverCa);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        return new HttpClient(handler) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{what} answered {(int)response.StatusCode} {response.StatusCode}: {text}", null, response.StatusCode);
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
