using System.Buffers.Binary;

namespace Bansos.VirtualCard.Vpcd;

/// <summary>
/// vpcd's wire format, both directions: a 2-byte big-endian length, then that many bytes.
/// </summary>
public static class VpcdFraming
{
    public const int MaxPayload = 0xFFFF;

    /// <summary>Reads one message; null when the peer closed the connection cleanly between messages.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[2];
        var read = await stream.ReadAtLeastAsync(header, 2, throwOnEndOfStream: false, cancellationToken);
        if (read == 0) return null;
        if (read < 2) throw new EndOfStreamException("vpcd closed the connection inside a message header.");
        var length = BinaryPrimitives.ReadUInt16BigEndian(header);
        var payload = new byte[length];
        await stream.ReadExactlyAsync(payload, cancellationToken);
        return payload;
    }

    /// <summary>Writes one message in a single write, so header and payload leave in one TCP segment.</summary>
    public static async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length > MaxPayload) throw new ArgumentException($"A vpcd message holds at most {MaxPayload} bytes.", nameof(payload));
        var frame = new byte[payload.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)payload.Length);
        payload.Span.CopyTo(frame.AsSpan(2));
        await stream.WriteAsync(frame, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}
