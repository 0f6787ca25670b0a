using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bansos.Agent.Connection;
using Bansos.Card;
using Bansos.Protos.Payout.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Bansos.PcSc.Tool;

/// <summary>
/// The personalise input as checked <see cref="PersonalisationData"/>. K_card comes from the
/// payout service (IssuerKeyService.GetCardPersonalisation, admin token): the IMK never leaves it.
/// </summary>
internal static class PersonalisationInput
{
    /// <summary>The card's record (<see cref="PersonalisationFile"/>); a bad one is a usage error, naming the field, never its value.</summary>
    public static PersonalisationFile ReadRecord(string path, TextReader standardInput)
    {
        try
        {
            return PersonalisationFile.Read(path, standardInput);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"--from: {e.Message}");
        }
    }

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
        CardPersonalisation issued;
        try
        {
            issued = await client.GetCardPersonalisationAsync(new GetCardPersonalisationRequest { CardNumber = number.Digits },
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

        return issued.CardKey.Length == Bansos.Card.Crypto.CardKeys.KeyLength
            ? issued
            : throw new ServiceException("Layanan payout mengirim K_card yang bukan 16 byte (the payout service sent a K_card that is not 16 bytes).",
                new InvalidDataException("K_card length"));
    }
}
