using System.Data.Common;

namespace Bansos.Payout.Data;

/// <summary>
/// Runs payout-path writes (authorisations, reversals) in a transaction. The work must have no
/// effect outside the transaction: it may run again after a conflict, and on SQLite it shares a
/// transaction (under its own savepoint) with other queued work.
/// </summary>
public interface IPayoutWriter
{
    Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken ct);
}
