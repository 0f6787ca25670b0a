using Bansos.Contracts;
using Bansos.Testing;
using MassTransit;

namespace Bansos.Registry.Tests.Support;

/// <summary>
/// A consumer of the registry's events outside the registry, on the real RabbitMQ: the one test bus
/// (<see cref="TestPublisher"/>) with a queue of its own bound to the registry's event types, on the
/// registry tests' virtual host. Other tests' events reach it too (the exchanges are shared), so every
/// wait filters on ids the test owns.
/// </summary>
public static class RegistryEvents
{
    /// <summary>A started listener whose queue is bound before this returns (so nothing published afterwards is missed).</summary>
    public static async Task<TestPublisher> ListenAsync() =>
        await TestPublisher.StartListeningAsync(await RegistryTestBroker.UriAsync(), "registry-tests-events", endpoint =>
        {
            endpoint.Handler<HouseholdRegistered>(_ => Task.CompletedTask);
            endpoint.Handler<HouseholdChanged>(_ => Task.CompletedTask);
            endpoint.Handler<HouseholdStatusChanged>(_ => Task.CompletedTask);
            endpoint.Handler<CardIssued>(_ => Task.CompletedTask);
            endpoint.Handler<CardStatusChanged>(_ => Task.CompletedTask);
        });
}
