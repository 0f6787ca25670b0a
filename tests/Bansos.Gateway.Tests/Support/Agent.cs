using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Bansos.Protos.Gateway.V1;
using Google.Protobuf;

namespace Bansos.Gateway.Tests.Support;

/// <summary>What an agent does to get its client certificate: a key pair of its own, a CSR, the admin's code.</summary>
public static class Agent
{
    public static async Task<long> RegisterTerminalAsync(GatewayStack stack, string label)
    {
        using var admin = stack.Https(await stack.AdminTokenAsync());
        using var point = await admin.PostAsJsonAsync("/api/v1/payout/points",
            new { name = "Posko " + label, kind = "DISTRIBUTION_POINT_KIND_POSKO", villageCode = Csv.Village }, TestContext.Current.CancellationToken);
        point.EnsureSuccessStatusCode();
        var pointId = Id(JsonDocument.Parse(await point.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("pointId"));
        using var terminal = await admin.PostAsJsonAsync($"/api/v1/payout/points/{pointId}/terminals", new { label }, TestContext.Current.CancellationToken);
        terminal.EnsureSuccessStatusCode();
        return Id(JsonDocument.Parse(await terminal.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("terminalId"));
    }

    /// <summary>An int64 from JSON, written as a number or (proto3 JSON) a string.</summary>
    public static long Id(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number ? element.GetInt64() : long.Parse(element.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<string> EnrolmentCodeAsync(GatewayStack stack, long terminalId)
    {
        using var admin = stack.Https(await stack.AdminTokenAsync());
        using var response = await admin.PostAsync($"/api/v1/gateway/terminals/{terminalId}/enrolment-codes", null, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("code").GetString()!;
    }

    public static (ECDsa Key, byte[] Csr) NewCsr()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=agent-asks-for-anything", key, HashAlgorithmName.SHA256);
        return (key, request.CreateSigningRequest());
    }

    /// <summary>Registers, gets a code, enrols: the terminal id and its client certificate (with the agent's private key).</summary>
    public static async Task<(long TerminalId, X509Certificate2 Certificate)> EnrolAsync(GatewayStack stack, string label)
    {
        var terminalId = await RegisterTerminalAsync(stack, label);
        var code = await EnrolmentCodeAsync(stack, terminalId);
        var (key, csr) = NewCsr();
        var reply = await new TerminalEnrolmentService.TerminalEnrolmentServiceClient(stack.Grpc()).EnrollAsync(
            new EnrollRequest { EnrolmentCode = code, Csr = ByteString.CopyFrom(csr) }, cancellationToken: TestContext.Current.CancellationToken);
        return (reply.TerminalId, WithKey(reply.Certificate.ToByteArray(), key));
    }

    public static X509Certificate2 WithKey(byte[] der, ECDsa key)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        using var withKey = certificate.CopyWithPrivateKey(key);
        // Through PKCS#12 so SslStream on Linux can use the key for the handshake.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
