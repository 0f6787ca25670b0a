using Bansos.Complaint.Tests.Support;
using Bansos.Protos.Complaint.V1;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Bansos.Complaint.Tests.Functional;

/// <summary>Due times and the at-risk and breached lists on a clock the test moves.</summary>
public sealed class SlaBreachTests
{
    [Fact]
    public async Task A_ticket_becomes_at_risk_then_breached_as_the_clock_moves()
    {
        // 10:00 WIB on a Monday; a PIN ticket (1 day) is due at the end of Tuesday, 00:00 WIB Wednesday.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 9, 3, 0, 0, TimeSpan.Zero));
        await using var host = await ComplaintHost.StartAsync(DbDialect.Sqlite, time: clock);
        // The service checks token times on its clock: mint on the same one, afresh as it moves.
        var issuer = TestTokens.Issuer.With(time: clock);
        ComplaintService.ComplaintServiceClient Staff() => host.Client(issuer.Issue(
            "operator-urai", [BansosRoles.Operator], TimeSpan.FromMinutes(10),
            new Dictionary<string, object> { [BansosClaims.Village] = new[] { Pilot.Urai } }));
        var request = Pilot.Request();
        request.Category = ComplaintCategory.PinForgottenOrBlocked;
        var pin = await Staff().FileComplaintAsync(request);
        var other = await Staff().FileComplaintAsync(Pilot.Request()); // WRONG_AMOUNT: 3 days

        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.FromHours(7)), pin.DueAt.ToDateTimeOffset());
        Assert.Empty(await ListAsync(Staff(), SlaState.AtRisk));

        clock.Advance(TimeSpan.FromHours(28)); // 14:00 WIB Tuesday: 10 h of 38 h left, more than a quarter
        Assert.Empty(await ListAsync(Staff(), SlaState.AtRisk));
        clock.Advance(TimeSpan.FromHours(1)); // 15:00 WIB: 9 h left, less than a quarter (9.5 h)
        Assert.Equal([pin.Number], await ListAsync(Staff(), SlaState.AtRisk));
        Assert.Equal(SlaState.AtRisk, (await Staff().GetComplaintAsync(new() { ComplaintId = pin.ComplaintId })).SlaState);

        clock.Advance(TimeSpan.FromHours(10)); // 01:00 WIB Wednesday
        Assert.Equal([pin.Number], await ListAsync(Staff(), SlaState.Breached));
        Assert.Empty(await ListAsync(Staff(), SlaState.AtRisk));
        Assert.Equal([other.Number], await ListAsync(Staff(), SlaState.OnTime));

        // Closing late keeps it breached; the statistics count it.
        await Staff().StartWorkAsync(new() { ComplaintId = pin.ComplaintId });
        var resolved = await Staff().ResolveComplaintAsync(new() { ComplaintId = pin.ComplaintId, Resolution = "PIN dibuka." });
        Assert.Equal(SlaState.Breached, resolved.SlaState);
        var stats = await Staff().GetStatisticsAsync(new() { FiledFrom = "2026-03-09", FiledTo = "2026-03-09" });
        var row = stats.Rows.Single(r => r.Category == ComplaintCategory.PinForgottenOrBlocked);
        Assert.Equal((1L, 1L, 0L, 1L, 39.0), (row.Received, row.Resolved, row.Open, row.Breached, row.MedianHoursToResolve));
    }

    private static async Task<IReadOnlyList<string>> ListAsync(ComplaintService.ComplaintServiceClient client, SlaState state) =>
        [.. (await client.ListComplaintsAsync(new() { SlaState = state })).Complaints.Select(c => c.Number)];
}
