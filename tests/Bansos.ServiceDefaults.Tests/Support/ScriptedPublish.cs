namespace Bansos.ServiceDefaults.Tests.Support;

/// <summary>One publish the relay started on a <see cref="ScriptedBus"/>.</summary>
public sealed record ScriptedPublish(object Message, Guid? MessageId)
{
    public int Number => ((OutboxProbe)Message).Number;
}
