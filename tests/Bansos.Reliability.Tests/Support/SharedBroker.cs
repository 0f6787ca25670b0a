using Bansos.Testing;

namespace Bansos.Reliability.Tests.Support;

/// <summary>The shared test broker (BANSOS_TEST_RABBITMQ): tests only add and delete their own virtual hosts on it.</summary>
public static class SharedBroker
{
    public static int Port => new Uri(TestServers.RabbitMq) is { Port: > 0 } uri ? uri.Port : 5672;

    public static RabbitMqCtl Ctl { get; } = new(null);
}
