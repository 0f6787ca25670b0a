using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bansos.Agent.Connection;
using Bansos.Card;
using Bansos.Protos.Payout.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Bansos.PcSc.Tool;

/// <summary>
/// The personalise options as checked <see cref="PersonalisationData"/>. K_card comes from the
/// payout service (IssuerKeyService.GetCardPersonalisation, admin token): the IMK never leaves it.
/// </summary>
internal static class PersonalisationInput
{
    public static CardNumber ParseCardNumber(string text) =>
        CardNumber.TryParse(text, out var number)
            ? number
            : throw new UsageException($"--card-number harus 16 angka dengan digit Luhn benar (must be 16 digits with a valid Luhn digit): {text}");

    public static DateOnly ParseExpiry(string text) =>
        text.Length == 6 && DateOnly.TryParseExact("20" + text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry)
            ? expiry
            : throw new UsageException($"--expiry harus YYMMDD (must be YYMMDD): {text}");

    public static Uri ParseAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"--payout harus alamat http:// atau https:// (must be an http:// or https:// address): {text}");

    /// <summary>The gateway's server CA from a PEM file (<c>data/gateway/server-ca.crt</c> of the pilot), or none.</summary>
    public static X509Certificate2? ReadCa(string? file)
    {
        if (file is null) return null;
        try
        {
            return X509Certificate2.CreateFromPem(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new UsageException($"--gateway-ca: bukan berkas sertifikat PEM yang terbaca (not a readable PEM certificate file): {file}");
        }
    }

    /// <summary>Asks the payout service for the card's K_card (and PUK, which this tool prints for the sealed letter).</summary>
    public static async Task<CardPersonalisation> FetchAsync(Uri payout, string token, X509Certificate2? gatewayCa, CardNumber number, CancellationToken cancellationToken)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) };
        if (gatewayCa is not null) handler.SslOptions.RemoteCertificateValidationCallback = GatewayTrust.TrustOnly(gatewayCa);
        using var channel = GrpcChannel.ForAddress(payout, new GrpcChannelOptions { HttpHandler = new BearerHandler(token, handler) });
        var client = new IssuerKeyService.IssuerKeyServiceClient(channel);
        try
        {
            return await client.GetCardPersonalisationAsync(new GetCardPersonalisationRequest { CardNumber = number.Digits },
                deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);
        }
        catch (RpcException e)
        {
            throw new ServiceException(e.StatusCode switch
            {
                StatusCode.Unavailable or StatusCode.DeadlineExceeded =>
                    $"Layanan payout di {payout} tidak terjangkau (the payout service at {payout} cannot be reached).",
                StatusCode.Unauthenticated or StatusCode.PermissionDenied =>
                    "Token admin ditolak (the admin token was refused).",
                _ => $"Layanan payout menolak (the payout service refused): {e.Status.Detail}",
            }, e);
        }
    }

    public static PersonalisationData Build(CardNumber number, string household, string holder, DateOnly expiry, byte[] cardKey, string pin)
    {
        try
        {
            return new PersonalisationData(number, household, holder, expiry, cardKey, pin);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
