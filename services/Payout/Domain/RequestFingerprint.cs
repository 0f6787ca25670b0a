using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Bansos.Payout.Domain;

/// <summary>
/// What "the same content" means for an idempotent retry: SHA-256 over every field of the
/// authorization request but the key itself, length-prefixed so that no two requests share an
/// encoding.
/// </summary>
public static class RequestFingerprint
{
    public static byte[] Of(string challengeId, long periodId, long amount, int atc, ReadOnlySpan<byte> cryptogram)
    {
        var challenge = Encoding.UTF8.GetBytes(challengeId);
        var buffer = new byte[4 + challenge.Length + 8 + 8 + 4 + 4 + cryptogram.Length];
        var span = buffer.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, challenge.Length);
        challenge.CopyTo(span[4..]);
        var offset = 4 + challenge.Length;
        BinaryPrimitives.WriteInt64BigEndian(span[offset..], periodId);
        BinaryPrimitives.WriteInt64BigEndian(span[(offset + 8)..], amount);
        BinaryPrimitives.WriteInt32BigEndian(span[(offset + 16)..], atc);
        BinaryPrimitives.WriteInt32BigEndian(span[(offset + 20)..], cryptogram.Length);
        cryptogram.CopyTo(span[(offset + 24)..]);
        return SHA256.HashData(buffer);
    }

    public static bool Same(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => a.SequenceEqual(b);
}
