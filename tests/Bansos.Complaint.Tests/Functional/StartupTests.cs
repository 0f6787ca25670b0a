using Bansos.Complaint.Tests.Support;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Complaint.Tests.Functional;

public sealed class StartupTests
{
    [Fact]
    public async Task A_bad_SLA_setting_stops_start_up_naming_the_key()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await ComplaintHost.StartAsync(DbDialect.Sqlite, settings: [new("Bansos:Complaint:Sla:PinForgottenOrBlocked", "0")]);
        });
        Assert.Contains("PinForgottenOrBlocked", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_SLA_sets_the_due_time()
    {
        await using var host = await ComplaintHost.StartAsync(DbDialect.Sqlite, settings: [new("Bansos:Complaint:Sla:WrongAmount", "10")]);
        var filed = await host.Client(Tokens.Admin()).FileComplaintAsync(Pilot.Request());
        var filedDay = Bansos.Complaint.Domain.Wib.DateOf(filed.FiledAt.ToDateTimeOffset());
        Assert.Equal(Bansos.Complaint.Domain.Wib.StartOf(filedDay.AddDays(11)), filed.DueAt.ToDateTimeOffset());
    }
}
