using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Bansos.Card;
using Bansos.Payout.Domain;

namespace Bansos.Payout.Keys;

/// <summary>
/// Issues BeginPayout challenges as self-contained, MAC-protected ids, so issuing one writes
/// nothing: the id carries the terminal, the card, the deadline and the 16 random challenge
/// bytes, sealed with HMAC-SHA-256 under a key derived from the IMK (every instance that shares
/// the key store accepts them). Single use is enforced where it matters, in the transaction that
/// consumes the challenge (unique index on payouts.challenge).
/// Layout: version(1) ‖ terminal(8) ‖ card BCD(8) ‖ expiry unix ms(8) ‖ challenge(16) ‖ MAC(16), base64url.
/// </summary>
public sealed class ChallengeIssuer
{
    public const string KeyLabel = "BANSOS-CHALLENGE-MAC";

    private const byte Version = 1;
    private const int BodyLength = 1 + 8 + CardNumber.BcdLength + 8 + IssuedChallenge.Length;
    private const int MacLength = 16;
    private const int TokenLength = BodyLength + MacLength;

    private readonly byte[] macKey;

    public ChallengeIssuer(IIssuerKeyStore keyStore)
    {
        macKey = keyStore.DeriveServiceKey(KeyLabel);
    }

    public (IssuedChallenge Challenge, string Id) Issue(long terminalId, CardNumber cardNumber, DateTimeOffset expiresAt)
    {
        var token = new byte[TokenLength];
        var span = token.AsSpan();
        span[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], terminalId);
        cardNumber.WriteBcd(span.Slice(9, CardNumber.BcdLength));
        var expiryMs = expiresAt.ToUnixTimeMilliseconds();
        BinaryPrimitives.WriteInt64BigEndian(span[17..], expiryMs);
        RandomNumberGenerator.Fill(span.Slice(25, IssuedChallenge.Length));
        Mac(span[..BodyLength], span[BodyLength..]);
        var challenge = new IssuedChallenge(terminalId, cardNumber, DateTimeOffset.FromUnixTimeMilliseconds(expiryMs),
            span.Slice(25, IssuedChallenge.Length).ToArray());
        return (challenge, Base64Url.EncodeToString(token));
    }

    /// <summary>The challenge behind <paramref name="id"/>, or null when this service did not issue it.</summary>
    public IssuedChallenge? TryRead(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 128)
        {
            return null;
        }

        // IsValid first: TryDecodeFromChars throws on characters outside the alphabet.
        Span<byte> token = stackalloc byte[96];
        if (!Base64Url.IsValid(id, out var length) || length != TokenLength ||
            !Base64Url.TryDecodeFromChars(id, token, out var written) || written != TokenLength)
        {
            return null;
        }

        token = token[..TokenLength];
        Span<byte> expected = stackalloc byte[MacLength];
        Mac(token[..BodyLength], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, token[BodyLength..]) || token[0] != Version ||
            !CardNumber.TryFromBcd(token.Slice(9, CardNumber.BcdLength), out var card))
        {
            return null;
        }

        return new IssuedChallenge(
            BinaryPrimitives.ReadInt64BigEndian(token[1..]),
            card,
            DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(token[17..])),
            token.Slice(25, IssuedChallenge.Length).ToArray());
    }

    private void Mac(ReadOnlySpan<byte> body, Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(macKey, body, full);
        full[..MacLength].CopyTo(destination);
    }
}
