namespace Bansos.Payout.Data;

/// <summary>
/// One query per BeginPayout on a rented read connection, beside the one writer (WAL): SQLite, an
/// in-process call with nothing to coalesce.
/// </summary>
public sealed class PooledCardViewReader(ReadConnections reads) : ICardViewReader
{
    public async Task<IReadOnlyList<CardView>> ReadAsync(long terminalId, string cardNumber, CancellationToken ct)
    {
        var connection = await reads.RentAsync(ct);
        var healthy = false;
        try
        {
            var rows = await SqliteAuthorizationStore.ReadCardViewAsync(connection, terminalId, cardNumber, ct);
            healthy = true;
            return rows;
        }
        finally
        {
            await reads.ReturnAsync(connection, healthy);
        }
    }
}
