using MassTransit;

namespace Bansos.ServiceDefaults.Tests.Support;

/// <summary>Counts every delivery of a probe (duplicates included), after the consumer finished with it.</summary>
public sealed class DeliveryObserver(ProbeLog log) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is OutboxProbe probe && probe.RunId == log.RunId && context.MessageId is { } id)
        {
            log.Delivered(id);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
