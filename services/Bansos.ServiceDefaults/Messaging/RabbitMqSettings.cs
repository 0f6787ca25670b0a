using Microsoft.Extensions.Configuration;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>The broker: <c>ConnectionStrings:rabbitmq</c> (an amqp:// URI) or <c>Bansos:RabbitMq:*</c>.</summary>
public sealed record RabbitMqSettings(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    public const string DefaultUri = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>Queues that vanish with their last consumer: for tests, never for services.</summary>
    public bool AutoDeleteQueues { get; init; }

    /// <summary>
    /// Declare the services' durable queues (receive endpoints, their _error queues, and the
    /// subscriber queues a publisher binds first) as quorum queues: replicated, and safe against a
    /// broker node's loss (docker-compose.yml turns it on). Off by default: queues already declared
    /// as classic cannot be switched in place (docs/operations.md), and the loopback pilot and tests
    /// keep classic ones. Incompatible with <see cref="AutoDeleteQueues"/>.
    /// </summary>
    public bool QuorumQueues { get; init; }

    /// <summary>
    /// Hold host start-up until the bus is connected and its queues exist. Off by default: a
    /// service must start (and keep taking payouts) while RabbitMQ is down; the outbox waits.
    /// </summary>
    public bool WaitUntilStarted { get; init; }

    /// <summary>
    /// Bind the queues of <see cref="Contracts.EventSubscriptions"/> before the first publish of their
    /// event (on by default; off in tests whose queues no consumer would ever drain).
    /// </summary>
    public bool DeclareSubscriberQueues { get; init; } = true;

    /// <summary>Ceiling of a consumer's back-off between retries of a transient failure (retries never stop).</summary>
    public TimeSpan ConsumerRetryMaxInterval { get; init; } = TimeSpan.FromSeconds(10);

    public static RabbitMqSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Bansos:RabbitMq");
        var uri = new Uri(configuration.GetConnectionString("rabbitmq") is { Length: > 0 } cs ? cs : DefaultUri);
        var userInfo = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var fromUri = new RabbitMqSettings(
            uri.Host,
            (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port),
            vhost.Length == 0 ? "/" : vhost,
            userInfo.Length > 0 && userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest",
            userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest");
        var settings = fromUri with
        {
            Host = section["Host"] ?? fromUri.Host,
            Port = section.GetValue("Port", fromUri.Port),
            VirtualHost = section["VirtualHost"] ?? fromUri.VirtualHost,
            Username = section["Username"] ?? fromUri.Username,
            Password = section["Password"] ?? fromUri.Password,
            AutoDeleteQueues = section.GetValue("AutoDeleteQueues", false),
            QuorumQueues = section.GetValue("QuorumQueues", false),
            WaitUntilStarted = section.GetValue("WaitUntilStarted", false),
            DeclareSubscriberQueues = section.GetValue("DeclareSubscriberQueues", true),
            ConsumerRetryMaxInterval = section.GetValue("ConsumerRetryMaxInterval", TimeSpan.FromSeconds(10)),
        };
        // RabbitMQ refuses an auto-delete quorum queue; say so at start-up rather than at the first declare.
        if (settings is { QuorumQueues: true, AutoDeleteQueues: true })
        {
            throw new InvalidOperationException("Bansos:RabbitMq:QuorumQueues and Bansos:RabbitMq:AutoDeleteQueues cannot both be true (a quorum queue cannot be auto-delete).");
        }

        return settings;
    }

    public override string ToString() => $"amqp://{Username}@{Host}:{Port}/{VirtualHost.TrimStart('/')}";
}
