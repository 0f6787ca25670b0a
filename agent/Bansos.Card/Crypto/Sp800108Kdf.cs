using System.Security.Cryptography;
using System.Text;

namespace Bansos.Card.Crypto;

/// <summary>
/// NIST SP 800-108 KDF in counter mode with AES-CMAC as the PRF, in the encoding docs/card-profile.md fixes:
/// <c>[i]₁ ‖ Label ‖ 00 ‖ Context ‖ [L]₂</c> (one-byte counter from 1, two-byte big-endian
/// output length in bits).
/// </summary>
public static class Sp800108Kdf
{
    /// <summary>The PRF input for block <paramref name="counter"/>.</summary>
    public static byte[] BuildInput(byte counter, string label, ReadOnlySpan<byte> context, int outputBits)
    {
        if (outputBits is <= 0 or > 0xFFFF)
            throw new ArgumentOutOfRangeException(nameof(outputBits));
        var labelBytes = Encoding.ASCII.GetBytes(label);
        var input = new byte[1 + labelBytes.Length + 1 + context.Length + 2];
        input[0] = counter;
        labelBytes.CopyTo(input, 1);
        // input[1 + label] stays 00: the separator between label and context.
        context.CopyTo(input.AsSpan(2 + labelBytes.Length));
        input[^2] = (byte)(outputBits >> 8);
        input[^1] = (byte)outputBits;
        return input;
    }

    /// <summary>Derives <paramref name="outputBits"/>/8 bytes from <paramref name="key"/>.</summary>
    public static byte[] Derive(ReadOnlySpan<byte> key, string label, ReadOnlySpan<byte> context, int outputBits)
    {
        if (outputBits <= 0 || outputBits % 8 != 0 || outputBits > 255 * 128)
            throw new ArgumentOutOfRangeException(nameof(outputBits), outputBits, "Whole bytes, at most 255 blocks.");
        var output = new byte[outputBits / 8];
        using var cmac = new AesCmac(key);
        Span<byte> block = stackalloc byte[AesCmac.BlockSize];
        for (var i = 1; (i - 1) * AesCmac.BlockSize < output.Length; i++)
        {
            var input = BuildInput((byte)i, label, context, outputBits);
            cmac.ComputeInto(input, block);
            var offset = (i - 1) * AesCmac.BlockSize;
            block[..Math.Min(AesCmac.BlockSize, output.Length - offset)].CopyTo(output.AsSpan(offset));
        }
        CryptographicOperations.ZeroMemory(block);
        return output;
    }
}
