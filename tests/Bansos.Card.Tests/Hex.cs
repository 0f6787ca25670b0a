namespace Bansos.Card.Tests;

/// <summary>Hex literals as the specs write them, spaces allowed.</summary>
internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    public static string Of(ReadOnlyMemory<byte> bytes) => Convert.ToHexString(bytes.Span);
}
