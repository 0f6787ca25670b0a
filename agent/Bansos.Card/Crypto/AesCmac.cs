using System.Security.Cryptography;

namespace Bansos.Card.Crypto;

/// <summary>
/// AES-CMAC (RFC 4493 / NIST SP 800-38B) on the BCL's AES: the block cipher is used in ECB mode
/// on single blocks only, which is how CMAC is defined; chaining is done here.
/// </summary>
/// <remarks>An instance keeps its key schedule and subkeys for repeated use; it is not thread-safe.</remarks>
public sealed class AesCmac : IDisposable
{
    public const int BlockSize = 16;

    private const byte Rb = 0x87;

    private readonly Aes aes;
    private readonly byte[] k1 = new byte[BlockSize];
    private readonly byte[] k2 = new byte[BlockSize];

    public AesCmac(ReadOnlySpan<byte> key)
    {
        if (key.Length is not (16 or 24 or 32))
            throw new ArgumentException("An AES key has 16, 24 or 32 bytes.", nameof(key));
        aes = Aes.Create();
        aes.Key = key.ToArray();
        Span<byte> l = stackalloc byte[BlockSize];
        aes.EncryptEcb(new byte[BlockSize], l, PaddingMode.None);
        ShiftLeftXor(l, k1);
        ShiftLeftXor(k1, k2);
        CryptographicOperations.ZeroMemory(l);
    }

    /// <summary>One-shot CMAC of <paramref name="message"/> under <paramref name="key"/>.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message)
    {
        using var cmac = new AesCmac(key);
        return cmac.Compute(message);
    }

    public byte[] Compute(ReadOnlySpan<byte> message)
    {
        var mac = new byte[BlockSize];
        ComputeInto(message, mac);
        return mac;
    }

    /// <summary>Writes the 16-byte MAC into <paramref name="destination"/> (named apart from the static Compute(key, message) so overloads cannot mix them up).</summary>
    public void ComputeInto(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        if (destination.Length < BlockSize)
            throw new ArgumentException("The destination needs 16 bytes.", nameof(destination));
        Span<byte> x = stackalloc byte[BlockSize];
        x.Clear();
        // All complete blocks but the last go straight through CBC; the last one is masked with K1 or K2.
        var blocks = Math.Max(1, (message.Length + BlockSize - 1) / BlockSize);
        Span<byte> y = stackalloc byte[BlockSize];
        for (var i = 0; i < blocks - 1; i++)
        {
            Xor(x, message.Slice(i * BlockSize, BlockSize));
            aes.EncryptEcb(x, y, PaddingMode.None);
            y.CopyTo(x);
        }
        var last = message[((blocks - 1) * BlockSize)..];
        Span<byte> final = stackalloc byte[BlockSize];
        if (last.Length == BlockSize)
        {
            last.CopyTo(final);
            Xor(final, k1);
        }
        else
        {
            final.Clear();
            last.CopyTo(final);
            final[last.Length] = 0x80;
            Xor(final, k2);
        }
        Xor(x, final);
        aes.EncryptEcb(x, destination[..BlockSize], PaddingMode.None);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(k1);
        CryptographicOperations.ZeroMemory(k2);
        aes.Dispose();
    }

    /// <summary>Subkey step of RFC 4493 §2.3: shift the block left one bit, xor Rb if a bit fell out.</summary>
    private static void ShiftLeftXor(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var carry = 0;
        for (var i = BlockSize - 1; i >= 0; i--)
        {
            var b = input[i];
            output[i] = (byte)((b << 1) | carry);
            carry = b >> 7;
        }
        if (carry != 0) output[BlockSize - 1] ^= Rb;
    }

    private static void Xor(Span<byte> target, ReadOnlySpan<byte> other)
    {
        for (var i = 0; i < BlockSize; i++) target[i] ^= other[i];
    }
}
