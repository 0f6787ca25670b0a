using System.Net.Sockets;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bansos.ServiceDefaults.Tests;

/// <summary>Which consumer failures are waited out (retried until they pass) and which park the message at once.</summary>
public sealed class TransientFailureTests
{
    private static readonly IDatabase Sqlite = new SqliteDatabase("Data Source=:memory:");

    public static TheoryData<Exception> Transient => new()
    {
        new SqliteException("database is locked", 5),
        new PostgresException("could not serialize access", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure),
        new ConcurrencyConflictException("household", "1"),
        new TimeoutException(),
        new InvalidOperationException("wrapped", new SocketException()),
        new AggregateException(new TimeoutException(), new IOException()),
    };

    public static TheoryData<Exception> Permanent => new()
    {
        new InvalidOperationException("a rule that will never pass"),
        new System.Text.Json.JsonException("unreadable"),
        new ArgumentException("bad value"),
        new AggregateException(new TimeoutException(), new InvalidOperationException()),
        new SqliteException("constraint failed", 19),
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public void Passing_failures_are_transient(Exception failure) => Assert.True(TransientFailures.IsTransient(failure, Sqlite));

    [Theory]
    [MemberData(nameof(Permanent))]
    public void Failures_that_waiting_cannot_fix_are_permanent(Exception failure) => Assert.False(TransientFailures.IsTransient(failure, Sqlite));
}
