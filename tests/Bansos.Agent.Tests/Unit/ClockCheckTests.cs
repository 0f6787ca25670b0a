using Bansos.Agent.Cli;
using Bansos.Agent.Messages;
using Bansos.Agent.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bansos.Agent.Tests.Unit;

/// <summary>The PC's clock against Ping's server_time.</summary>
public sealed class ClockCheckTests
{
    [Fact]
    public async Task A_clock_minutes_off_the_server_is_told_to_be_corrected()
    {
        var pc = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-7)); // the PC is 7 minutes slow
        var (terminalId, skew) = await ClockCheck.MeasureAsync(new FakeTerminalClient(), pc, TestContext.Current.CancellationToken);

        Assert.Equal(FakeTerminalClient.TerminalId, terminalId);
        var notice = ClockCheck.Describe(skew);
        Assert.Equal(Msg.ClockSkew, notice.Id);
        Assert.Equal("Jam komputer ini selisih 7 menit dari server. Betulkan tanggal dan jam komputer (waktu di struk memakai jam server).",
            notice.Render(Language.Indonesian));
    }

    [Fact]
    public void Seconds_apart_is_fine() => Assert.Equal(Msg.ClockOk, ClockCheck.Describe(TimeSpan.FromSeconds(20)).Id);
}
