using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Data;

/// <summary>
/// The payout path's storage seam, one implementation per database (chosen once, in PayoutHosting):
/// the snapshots a unit of work of authorizations is decided on, and its write. Both take the
/// session; the write throws <see cref="ConcurrencyConflictException"/> when someone outside the
/// unit of work got in between (a balance it debits changed, a challenge, key or ATC was taken), so
/// that the one retry policy runs it again on fresh reads.
/// </summary>
public interface IAuthorizationStore
{
    /// <summary>How many batching loops suit this database (SQLite: its one writer).</summary>
    int Loops { get; }

    /// <summary>Whether a loop gets a thread of its own (SQLite's calls block, fsync included).</summary>
    bool OwnThread { get; }

    /// <summary>The snapshot of each lookup, in order; null where the terminal is not enrolled.</summary>
    Task<IReadOnlyList<AuthorizationSnapshot?>> ReadAsync(DbSession session, IReadOnlyList<AuthorizationLookup> lookups, CancellationToken ct);

    /// <summary>
    /// The debits (each only from the balance read: <see cref="EntitlementDebit.BalanceBefore"/>), the payouts
    /// and the events enqueued on <paramref name="session"/>, in its transaction.
    /// </summary>
    Task WriteAsync(DbSession session, IReadOnlyList<EntitlementDebit> debits, IReadOnlyList<NewPayout> payouts, CancellationToken ct);
}
