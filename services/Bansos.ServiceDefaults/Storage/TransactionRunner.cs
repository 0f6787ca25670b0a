using System.Data.Common;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>The commit-or-retry loop shared by both providers.</summary>
internal static class TransactionRunner
{
    /// <summary>Enough to ride out a burst of contention without hiding a real livelock.</summary>
    public const int MaxAttempts = 6;

    public static async Task<T> RunAsync<T>(
        Func<CancellationToken, ValueTask<DbConnection>> open,
        Func<DbConnection, CancellationToken, ValueTask<DbTransaction>> begin,
        Func<Exception, bool> isTransient,
        Func<DbConnection, DbTransaction, Task<T>> work,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            Action[] committed;
            T result;
            await using var connection = await open(ct);
            DbTransaction? transaction = null;
            try
            {
                transaction = await begin(connection, ct);
                result = await work(connection, transaction);
                // Not cancellable: once COMMIT is sent its outcome is awaited, never abandoned as unknown.
                await transaction.CommitAsync(CancellationToken.None);
                committed = TransactionCallbacks.Take(transaction);
            }
            catch (Exception ex) when (attempt < MaxAttempts && isTransient(ex) && !ct.IsCancellationRequested)
            {
                await RollBackQuietlyAsync(transaction);
                // Jittered exponential back-off: 10, 20, 40 … ms, so two retrying writers drift apart.
                var delay = TimeSpan.FromMilliseconds((10 << (attempt - 1)) * (0.5 + Random.Shared.NextDouble()));
                await Task.Delay(delay, ct);
                continue;
            }
            catch
            {
                await RollBackQuietlyAsync(transaction);
                throw;
            }
            finally
            {
                if (transaction is not null)
                {
                    TransactionCallbacks.Forget(transaction);
                    await transaction.DisposeAsync();
                }
            }

            // After the commit and outside the catch: whatever these callbacks throw, the work never runs again.
            TransactionCallbacks.Run(committed);
            return result;
        }
    }

    private static async Task RollBackQuietlyAsync(DbTransaction? transaction)
    {
        try
        {
            if (transaction?.Connection is null)
            {
                return; // already committed or rolled back
            }

            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // Already completed, disposed or on a broken connection: disposing the connection discards it anyway.
        }
    }
}
