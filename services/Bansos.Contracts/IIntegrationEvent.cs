namespace Bansos.Contracts;

/// <summary>
/// An event one service publishes for the others. Every event names the aggregate it is about
/// and that aggregate's version after the change, so that a projection can ignore an event that
/// arrives after a newer one (RabbitMQ does not promise order across redeliveries).
/// </summary>
public interface IIntegrationEvent
{
    DateTimeOffset OccurredAt { get; }
}
