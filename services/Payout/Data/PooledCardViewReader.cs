namespace Bansos.Payout.Data;

/// <summary>
/// One query per BeginPayout on a rented read connection: SQLite (an in-process call, nothing to
/// coalesce) and PostgreSQL with group commit off.
/// </summary>
public sealed class PooledCardViewReader(ReadConnections reads, PayoutStore payouts) : ICardViewReader
{
    public async Task<IReadOnlyList<CardView>> ReadAsync(long terminalId, string cardNumber, CancellationToken ct)
    {
        var connection = await reads.RentAsync(ct);
        var healthy = false;
        try
        {
            var rows = await payouts.ReadCardViewAsync(connection, terminalId, cardNumber, ct);
            healthy = true;
            return rows;
        }
        finally
        {
            await reads.ReturnAsync(connection, healthy);
        }
    }
}
