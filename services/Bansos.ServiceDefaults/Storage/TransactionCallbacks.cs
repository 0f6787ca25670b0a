using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// Work to do once a transaction has committed (e.g. wake the outbox relay). Runs only for
/// transactions that <see cref="IDbSessions.WriteAsync{T}"/>, <see cref="IDbSessions.WriteOnAsync{T}"/>
/// or a <see cref="CommitWindow"/> commits; others rely on polling. The owner takes the callbacks off
/// the transaction before disposing it (Npgsql recycles transaction objects, so a callback left behind
/// would fire for another unit of work) and runs them outside its retry loop: a callback that throws
/// after the commit must never make the committed work run again.
/// </summary>
public static class TransactionCallbacks
{
    private static readonly ConditionalWeakTable<DbTransaction, List<Action>> Callbacks = new();

    public static void OnCommitted(this DbTransaction transaction, Action callback)
    {
        var list = Callbacks.GetOrCreateValue(transaction);
        lock (list)
        {
            list.Add(callback);
        }
    }

    /// <summary>Removes and returns the callbacks registered on <paramref name="transaction"/> (none: empty).</summary>
    internal static Action[] Take(DbTransaction transaction)
    {
        if (!Callbacks.TryGetValue(transaction, out var list))
        {
            return [];
        }

        Callbacks.Remove(transaction);
        lock (list)
        {
            return [.. list];
        }
    }

    internal static void Run(IEnumerable<Action> callbacks)
    {
        foreach (var callback in callbacks)
        {
            callback();
        }
    }

    internal static void RunCommitted(DbTransaction transaction) => Run(Take(transaction));

    internal static void Forget(DbTransaction transaction) => Callbacks.Remove(transaction);
}
