using MassTransit;
using Microsoft.Extensions.Logging;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>
/// First filter of every receive endpoint's error pipe: a message on its way to the <c>_error</c>
/// queue is logged with its MessageId and counted in <see cref="ParkedMessages"/> (the health check
/// reads it); then MassTransit's own filters publish the fault and move the message.
/// </summary>
internal sealed partial class ParkingFilter(ParkedMessages parked, TimeProvider time, ILogger<ParkingFilter> logger)
    : IFilter<ExceptionReceiveContext>
{
    public Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        var messageId = context.TryGetPayload(out ConsumeContext? consume) ? consume.MessageId : context.GetMessageId();
        var endpoint = context.InputAddress?.AbsolutePath.Trim('/') ?? "";
        var failure = context.Exception.GetType().Name;
        parked.Add(new ParkedMessage(messageId, endpoint, failure, time.GetUtcNow()));
        LogParked(context.Exception, messageId, endpoint, failure);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("bansos-parking");

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} from {Endpoint} failed permanently ({Failure}) and is parked in the _error queue")]
    private partial void LogParked(Exception exception, Guid? messageId, string endpoint, string failure);
}
