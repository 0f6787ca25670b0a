using System.Buffers.Binary;

namespace Bansos.Card.Crypto;

/// <summary>
/// The 36 bytes the terminal sends with GENERATE CRYPTOGRAM: amount (8, big-endian rupiah) ‖
/// period id (4) ‖ terminal id (8) ‖ the payout service's 16-byte challenge.
/// </summary>
public sealed record CryptogramData
{
    public const int Length = 36;
    public const int ChallengeLength = 16;

    private readonly byte[] challenge;

    public CryptogramData(long amount, uint periodId, ulong terminalId, ReadOnlySpan<byte> challenge)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (challenge.Length != ChallengeLength)
            throw new ArgumentException("The challenge has 16 bytes.", nameof(challenge));
        Amount = amount;
        PeriodId = periodId;
        TerminalId = terminalId;
        this.challenge = challenge.ToArray();
    }

    /// <summary>Whole rupiah.</summary>
    public long Amount { get; }
    public uint PeriodId { get; }
    public ulong TerminalId { get; }
    public ReadOnlyMemory<byte> Challenge => challenge;

    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(0, 8), Amount);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8, 4), PeriodId);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(12, 8), TerminalId);
        challenge.CopyTo(bytes, 20);
        return bytes;
    }

    /// <summary>Reads the 36-byte form; a negative amount or another length is a <see cref="CardDataFormatException"/>.</summary>
    public static CryptogramData Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
            throw new CardDataFormatException($"Cryptogram data has {Length} bytes, got {bytes.Length}.");
        var amount = BinaryPrimitives.ReadInt64BigEndian(bytes[..8]);
        if (amount < 0)
            throw new CardDataFormatException("The amount in cryptogram data is negative.");
        return new CryptogramData(amount, BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(8, 4)),
            BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(12, 8)), bytes.Slice(20, ChallengeLength));
    }

    public bool Equals(CryptogramData? other) =>
        other is not null && Amount == other.Amount && PeriodId == other.PeriodId && TerminalId == other.TerminalId &&
        challenge.AsSpan().SequenceEqual(other.challenge);

    public override int GetHashCode() => HashCode.Combine(Amount, PeriodId, TerminalId, Convert.ToHexString(challenge));

    public override string ToString() => Convert.ToHexString(ToBytes());
}
