namespace Bansos.Testing;

/// <summary>Configuration for a test host's bus: the test broker, queues that go away, start-up that waits for them.</summary>
public static class TestMessaging
{
    /// <summary>A service name no other test uses, so its queues are its own.</summary>
    public static string UniqueServiceName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public static IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("ConnectionStrings:rabbitmq", TestServers.RabbitMq),
        new("Bansos:RabbitMq:AutoDeleteQueues", "true"),
        new("Bansos:RabbitMq:WaitUntilStarted", "true"),
        new("Bansos:RabbitMq:DeclareSubscriberQueues", "false"), // no consumer would drain them
    ];
}
