namespace Bansos.ServiceDefaults.Messaging;

/// <summary>An integration event serialised for <c>outbox_messages</c>, not yet written (<see cref="IOutbox.Prepare"/>).</summary>
public sealed record OutboxMessage(Guid MessageId, string MessageType, string Body, DateTimeOffset CreatedAt);
