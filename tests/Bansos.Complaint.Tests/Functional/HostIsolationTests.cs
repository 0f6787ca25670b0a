using Bansos.Complaint.Tests.Support;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Complaint.Tests.Functional;

/// <summary>
/// The cause of the numbering test's 101st row (issue 8): a host without messaging still starts its
/// bus, and its consumers bound queues on the virtual host the messaging tests publish to, so a
/// <c>PayoutDeclined</c> meant for another test opened an automatic ticket that took a number in the
/// middle of the hundred filings. Such hosts now sit on a virtual host nobody publishes to.
/// </summary>
public sealed class HostIsolationTests
{
    [Fact]
    public async Task A_host_without_messaging_is_not_on_the_virtual_host_events_are_published_to()
    {
        await using var host = await ComplaintHost.StartAsync(DbDialect.Sqlite);

        var published = Uri.UnescapeDataString(new Uri(await ComplaintHost.BrokerAsync()).AbsolutePath.Trim('/'));
        var consumed = host.Host.Service<RabbitMqSettings>().VirtualHost;
        Assert.Equal(ComplaintHost.VirtualHost, published);
        Assert.NotEqual(published, consumed);
    }
}
