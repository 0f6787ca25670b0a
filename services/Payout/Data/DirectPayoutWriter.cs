using System.Data.Common;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Data;

/// <summary>
/// One transaction per request (PostgreSQL: concurrent transactions; the row lock of the
/// conditional debit serialises what must be). A unique-index conflict (a concurrent request with
/// the same idempotency key, challenge or ATC committed first) runs the work again, which then
/// sees the winner's row and answers from it.
/// </summary>
public sealed class DirectPayoutWriter(IDatabase database) : IPayoutWriter
{
    private const int MaxAttempts = 3;

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await database.InTransactionAsync((connection, transaction) => work(connection, transaction, ct), ct: ct);
            }
            catch (Exception ex) when (attempt < MaxAttempts && DbErrors.IsUniqueViolation(ex))
            {
                // the transaction is rolled back; go again
            }
        }
    }
}
