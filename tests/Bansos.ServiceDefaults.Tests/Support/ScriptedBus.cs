using System.Reflection;
using MassTransit;

namespace Bansos.ServiceDefaults.Tests.Support;

/// <summary>
/// An <see cref="IBus"/> whose publishes the test answers: each call to
/// <c>Publish(object, Type, IPipe&lt;PublishContext&gt;, CancellationToken)</c> — the one the relay
/// uses — runs the pipe (to learn the MessageId) and returns whatever <see cref="OnPublish"/> returns,
/// so confirms can be held, failed and released in an exact order. Everything else throws.
/// </summary>
public class ScriptedBus : DispatchProxy
{
    private readonly List<ScriptedPublish> calls = [];

    /// <summary>Called on the relay's own thread, in the order the relay starts its publishes.</summary>
    public Func<ScriptedPublish, Task> OnPublish { get; set; } = _ => Task.CompletedTask;

    public IReadOnlyList<ScriptedPublish> Calls
    {
        get
        {
            lock (calls)
            {
                return [.. calls];
            }
        }
    }

    public static (IBus Bus, ScriptedBus Script) Create()
    {
        var bus = Create<IBus, ScriptedBus>();
        return (bus, (ScriptedBus)(object)bus);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is { Name: nameof(IPublishEndpoint.Publish) } && args is [var message, Type, IPipe<PublishContext> pipe, CancellationToken token])
        {
            var context = Create<PublishContext, MessageIdCapture>();
            pipe.Send(context).GetAwaiter().GetResult(); // Pipe.Execute runs synchronously
            var call = new ScriptedPublish(message!, ((MessageIdCapture)(object)context).MessageId);
            lock (calls)
            {
                calls.Add(call);
            }

            return OnPublish(call).WaitAsync(token); // a confirm held too long ends with the relay's PublishTimeout
        }

        throw new NotSupportedException($"ScriptedBus does not do {targetMethod?.Name}.");
    }

    /// <summary>A publish context that only remembers the MessageId set on it.</summary>
    public class MessageIdCapture : DispatchProxy
    {
        public Guid? MessageId { get; private set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name == "set_MessageId")
            {
                MessageId = (Guid?)args![0];
                return null;
            }

            throw new NotSupportedException($"MessageIdCapture does not do {targetMethod?.Name}.");
        }
    }
}
