using Bansos.Testing;

namespace Bansos.Registry.Tests.Support;

/// <summary>The broker URI of the registry tests: the test broker with a virtual host of their own (see <see cref="TestVirtualHosts"/>).</summary>
public static class RegistryTestBroker
{
    public const string VirtualHost = "bansos-registry-tests";

    public static Task<string> UriAsync() => TestVirtualHosts.UriAsync(VirtualHost);
}
