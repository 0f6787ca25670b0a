using Bansos.Card;

namespace Bansos.Payout.Domain;

/// <summary>A challenge as BeginPayout issued it: for one terminal and one card, until a deadline.</summary>
public sealed record IssuedChallenge(long TerminalId, CardNumber CardNumber, DateTimeOffset ExpiresAt, ReadOnlyMemory<byte> Bytes)
{
    public const int Length = 16;
}
