using Bansos.Contracts;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;
using MassTransit;
using MassTransit.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Bansos.ServiceDefaults;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (publisher confirms, receive endpoints named
    /// "&lt;service&gt;-&lt;consumer&gt;" so every service gets its own copy of each event), the
    /// transactional <see cref="IOutbox"/> and its relay. Consumers retry transient failures until
    /// they succeed and park permanent ones (logged, /readyz Degraded); a publisher binds the queues of
    /// <see cref="EventSubscriptions"/> before its first publish (docs/decisions.md D41, D42). Call
    /// after AddBansosStorage.
    /// </summary>
    public static IHostApplicationBuilder AddBansosMessaging(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        var services = builder.Services;

        // Settings are read from the built configuration (test hosts add theirs late).
        services.TryAddSingleton(TimeProvider.System);
        services.AddBansosSettings<RabbitMqSettings>(RabbitMqSettings.Section, defaults: RabbitMqSettings.FromConnectionString);
        services.AddBansosSettings<OutboxOptions>(OutboxOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                if (configuration.GetValue<TimeSpan?>("Bansos:Inbox:Retention") is { } retention)
                {
                    options.InboxRetention = retention; // the inbox's setting, kept under its own section
                }
            });
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutbox, Outbox>();
        services.AddSingleton<ParkedMessages>();
        services.AddSingleton<ErrorQueues>();
        services.AddSingleton<ParkingFilter>();
        services.AddSingleton<SubscriberTopology>();
        services.AddHealthChecks().AddCheck<ParkedMessagesHealthCheck>("parked-messages", tags: [ServiceDefaultsExtensions.ReadyTag]);

        services.AddMassTransit(bus =>
        {
            // MassTransit would report usage to its vendor's server: nothing about a payout system
            // leaves the machine, and the pilot's posko machines have no such route anyway (D99).
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configureConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((context, queue, endpoint) =>
            {
                context.GetRequiredService<ErrorQueues>().AddEndpoint(queue); // readiness counts its _error queue
                var rabbit = context.GetRequiredService<RabbitMqSettings>();
                var database = context.GetService<IDatabase>();
                // Transient failures (a busy database, a broker or network hiccup) are retried until they pass,
                // backing off to ConsumerRetryMaxInterval (10 s): a CardStatusChanged(BLOCKED) must never be dropped. Anything else is
                // permanent and goes to the _error queue at once, through the parking filter.
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Handle<Exception>(ex => TransientFailures.IsTransient(ex, database));
                    retry.Exponential(int.MaxValue, TimeSpan.FromMilliseconds(100), rabbit.ConsumerRetryMaxInterval, TimeSpan.FromMilliseconds(200));
                });
                endpoint.ConfigureError(error =>
                {
                    error.UseFilter(context.GetRequiredService<ParkingFilter>());
                    error.UseFilter(new GenerateFaultFilter());
                    error.UseFilter(new ErrorTransportFilter());
                });
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbitEndpoint)
                {
                    if (rabbit.AutoDeleteQueues)
                    {
                        rabbitEndpoint.AutoDelete = true;
                    }

                    if (rabbit.QuorumQueues)
                    {
                        rabbitEndpoint.SetQuorumQueue(); // x-queue-type=quorum; SubscriberTopology declares the same
                    }
                }
            });
            bus.UsingRabbitMq((context, cfg) =>
            {
                var rabbit = context.GetRequiredService<RabbitMqSettings>();
                cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, host =>
                {
                    host.Username(rabbit.Username);
                    host.Password(rabbit.Password);
                    host.PublisherConfirmation = true;
                });
                ReceiveReconnectPolicy.Apply(cfg); // consumers back within ~2 s of the broker's return (D43)
                cfg.ConfigureEndpoints(context);
            });
        });
        services.AddOptions<MassTransitHostOptions>().Configure<RabbitMqSettings>((host, rabbit) =>
        {
            host.WaitUntilStarted = rabbit.WaitUntilStarted;
            host.StartTimeout = TimeSpan.FromSeconds(30);
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });

        services.AddHostedService<OutboxRelay>(); // idles when Bansos:Outbox:RelayEnabled is false

        return builder;
    }
}
