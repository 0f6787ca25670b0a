using System.Reflection;
using MassTransit;
using RabbitMQ.Client.Exceptions;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>
/// How fast consumers reconnect after the broker comes back. MassTransit 8.5's RabbitMQ host restarts
/// a receive endpoint with a fixed policy — exponential from 3 s to 30 s — that no public option
/// changes, so after a 20–30 s outage the next attempt could be up to 30 s away (a card block then
/// reached payout 19.5–25 s after the broker's return). This replaces that policy with the same
/// exception filter and a back-off capped at <see cref="MaxInterval"/>: a refused TCP connect costs
/// nothing, a late card block costs money (docs/decisions.md D43). The replacement goes through
/// reflection on MassTransit's host configuration; if MassTransit changes shape, start-up fails with
/// this type's name instead of silently keeping the slow policy (MessagingTests cover it).
/// </summary>
internal static class ReceiveReconnectPolicy
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(2);

    public static void Apply(IRabbitMqBusFactoryConfigurator bus)
    {
        var hostConfiguration = bus.GetType().GetField("_hostConfiguration", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(bus)
            ?? throw Unsupported("the bus configurator has no _hostConfiguration");
        var field = FindBackingField(hostConfiguration.GetType())
            ?? throw Unsupported($"{hostConfiguration.GetType().Name} has no ReceiveTransportRetryPolicy backing field");
        field.SetValue(hostConfiguration, Create());
    }

    /// <summary>MassTransit's own filter (RabbitMqHostConfiguration: connection failures, closed channels, interrupted operations other than access/not-found/precondition refusals), with a short back-off.</summary>
    internal static IRetryPolicy Create() => Retry.CreatePolicy(retry =>
    {
        retry.Handle<ConnectionException>();
        retry.Handle<AlreadyClosedException>();
        retry.Handle<OperationInterruptedException>(exception => exception.ShutdownReason?.ReplyCode is not (403 or 404 or 406));
        retry.Handle<NotSupportedException>(exception => exception.Message.Contains("Pipelining of requests forbidden", StringComparison.Ordinal));
        retry.Ignore<AuthenticationFailureException>();
        retry.Exponential(int.MaxValue, MinInterval, MaxInterval, MinInterval);
    });

    internal static IRetryPolicy? Current(IRabbitMqBusFactoryConfigurator bus) =>
        bus.GetType().GetField("_hostConfiguration", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(bus) is { } host
            ? FindBackingField(host.GetType())?.GetValue(host) as IRetryPolicy
            : null;

    private static FieldInfo? FindBackingField(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetField("<ReceiveTransportRetryPolicy>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly) is { } field)
            {
                return field;
            }
        }

        return null;
    }

    private static InvalidOperationException Unsupported(string what) =>
        new($"{nameof(ReceiveReconnectPolicy)}: this MassTransit version is not the one it was written for ({what}); see docs/decisions.md D43.");
}
