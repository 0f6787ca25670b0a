using System.Data.Common;
using System.Net.Sockets;
using Bansos.ServiceDefaults.Storage;
using MassTransit;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>
/// Which consumer failures pass by themselves (a busy or restarting database, a broker or network
/// hiccup, a version conflict) and are retried until they succeed; anything else — a message that
/// cannot be read, a rule that will never pass, a bug — is permanent and parks the message at once.
/// </summary>
internal static class TransientFailures
{
    public static bool IsTransient(Exception exception, IDatabase? database)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is AggregateException { InnerExceptions.Count: > 0 } aggregate)
            {
                return aggregate.InnerExceptions.All(e => IsTransient(e, database)); // one lasting failure among them is lasting
            }

            if (database?.IsTransientFailure(current) == true ||
                current is DbException { IsTransient: true } or TimeoutException or SocketException or IOException
                    or ConcurrencyConflictException or MassTransitException and (ConnectionException or RequestTimeoutException) ||
                current is Npgsql.NpgsqlException { InnerException: SocketException or IOException or TimeoutException })
            {
                return true;
            }
        }

        return false;
    }
}
