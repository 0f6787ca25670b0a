namespace Bansos.Payout.Data;

/// <summary>BeginPayout's read (<see cref="SqliteAuthorizationStore.ReadCardViewAsync"/>, <see cref="PostgresAuthorizationStore.ReadCardViewsAsync"/>): one request at a time, or coalesced with others queued meanwhile.</summary>
public interface ICardViewReader
{
    /// <summary>The rows of <see cref="CardView"/>; empty when the terminal is not enrolled.</summary>
    Task<IReadOnlyList<CardView>> ReadAsync(long terminalId, string cardNumber, CancellationToken ct);
}
