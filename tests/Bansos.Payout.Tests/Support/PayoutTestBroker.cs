using Bansos.Testing;

namespace Bansos.Payout.Tests.Support;

/// <summary>The broker URI of the payout tests: the test broker with a virtual host of their own (see <see cref="TestVirtualHosts"/>).</summary>
public static class PayoutTestBroker
{
    public const string VirtualHost = "bansos-payout-tests";

    public static Task<string> UriAsync() => TestVirtualHosts.UriAsync(VirtualHost);
}
