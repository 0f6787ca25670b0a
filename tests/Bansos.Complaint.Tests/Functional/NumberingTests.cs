using Bansos.Complaint.Domain;
using Bansos.Complaint.Tests.Support;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;

namespace Bansos.Complaint.Tests.Functional;

/// <summary>Ticket numbers under concurrency: a fresh database per run, so the year's numbers start at 1.</summary>
public sealed class NumberingTests
{
    [Theory]
    [EveryDialect]
    public async Task A_hundred_complaints_filed_at_once_get_a_hundred_consecutive_numbers(DbDialect dialect)
    {
        await using var host = await ComplaintHost.StartAsync(dialect);
        var client = host.Client(Tokens.Operator(Pilot.Urai, Pilot.GiriKencana));

        var filed = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            client.FileComplaintAsync(Pilot.Request(i % 2 == 0 ? Pilot.Urai : Pilot.GiriKencana, $"Pelapor {i}")).ResponseAsync));

        var year = TicketNumber.YearOf(DateTimeOffset.UtcNow);
        Assert.Equal(100, await host.CountAsync("SELECT COUNT(*) FROM complaints"));
        Assert.Equal(100, await host.CountAsync("SELECT last_sequence FROM complaint_numbers"));
        Assert.Equal(
            Enumerable.Range(1, 100).Select(n => new TicketNumber(year, n).ToString()),
            filed.Select(c => c.Number).Order(StringComparer.Ordinal));
        Assert.Equal(100, await host.CountAsync("SELECT COUNT(DISTINCT number) FROM complaints"));
    }
}
