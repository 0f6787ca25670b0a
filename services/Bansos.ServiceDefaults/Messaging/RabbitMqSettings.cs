using System.ComponentModel.DataAnnotations;
using Bansos.ServiceDefaults.Hosting;
using Microsoft.Extensions.Configuration;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>
/// The broker: <c>ConnectionStrings:rabbitmq</c> (an amqp:// URI) gives the address and account,
/// <c>Bansos:RabbitMq:*</c> overrides them and holds the rest; checked at start-up (docs/decisions.md D87).
/// </summary>
public sealed record RabbitMqSettings : IValidatableObject
{
    public const string Section = "Bansos:RabbitMq";

    public const string DefaultUri = "amqp://guest:guest@127.0.0.1:5672/";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, ushort.MaxValue)]
    public ushort Port { get; set; } = 5672;

    [Required]
    public string VirtualHost { get; set; } = "/";

    [Required]
    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    /// <summary>Queues that vanish with their last consumer: for tests, never for services.</summary>
    public bool AutoDeleteQueues { get; set; }

    /// <summary>
    /// Declare the services' durable queues (receive endpoints, their _error queues, and the
    /// subscriber queues a publisher binds first) as quorum queues: replicated, and safe against a
    /// broker node's loss (docker-compose.yml turns it on). Off by default: queues already declared
    /// as classic cannot be switched in place (docs/operations.md), and the loopback pilot and tests
    /// keep classic ones. Incompatible with <see cref="AutoDeleteQueues"/>.
    /// </summary>
    public bool QuorumQueues { get; set; }

    /// <summary>
    /// Hold host start-up until the bus is connected and its queues exist. Off by default: a
    /// service must start (and keep taking payouts) while RabbitMQ is down; the outbox waits.
    /// </summary>
    public bool WaitUntilStarted { get; set; }

    /// <summary>
    /// Bind the queues of <see cref="Contracts.EventSubscriptions"/> before the first publish of their
    /// event (on by default; off in tests whose queues no consumer would ever drain).
    /// </summary>
    public bool DeclareSubscriberQueues { get; set; } = true;

    /// <summary>Ceiling of a consumer's back-off between retries of a transient failure (retries never stop).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ConsumerRetryMaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The settings outside a host (tools, test buses): the same binding and checks as the services'.</summary>
    public static RabbitMqSettings From(IConfiguration configuration) =>
        configuration.ReadBansosSettings<RabbitMqSettings>(Section, defaults: FromConnectionString);

    /// <summary>Address and account from <c>ConnectionStrings:rabbitmq</c> (default <see cref="DefaultUri"/>), before the section is bound over them.</summary>
    public static void FromConnectionString(RabbitMqSettings settings, IConfiguration configuration)
    {
        var text = configuration.GetConnectionString("rabbitmq") is { Length: > 0 } cs ? cs : DefaultUri;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException("ConnectionStrings:rabbitmq is not an amqp:// address."); // the value may hold a password: not repeated
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        settings.Host = uri.Host;
        settings.Port = (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port);
        settings.VirtualHost = vhost.Length == 0 ? "/" : vhost;
        settings.Username = userInfo.Length > 0 && userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest";
        settings.Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest";
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // RabbitMQ refuses an auto-delete quorum queue; say so at start-up rather than at the first declare.
        if (QuorumQueues && AutoDeleteQueues)
        {
            yield return new ValidationResult(
                $"cannot be true together with {Section}:{nameof(AutoDeleteQueues)} (a quorum queue cannot be auto-delete).", [nameof(QuorumQueues)]);
        }
    }

    public override string ToString() => $"amqp://{Username}@{Host}:{Port}/{VirtualHost.TrimStart('/')}";
}
