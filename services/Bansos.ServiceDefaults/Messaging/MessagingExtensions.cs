using Bansos.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Bansos.ServiceDefaults;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (publisher confirms, consumer retries with back-off, receive
    /// endpoints named "&lt;service&gt;-&lt;consumer&gt;" so every service gets its own copy of each
    /// event), the transactional <see cref="IOutbox"/> and its relay. Call after AddBansosStorage.
    /// </summary>
    public static IHostApplicationBuilder AddBansosMessaging(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        var services = builder.Services;

        // Settings are read from the built configuration (test hosts add theirs late).
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => RabbitMqSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => OutboxOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutbox, Outbox>();

        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configureConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                var rabbit = context.GetRequiredService<RabbitMqSettings>();
                // Transient failures (a locked database, a restart of a dependency) get a few quick tries.
                endpoint.UseMessageRetry(retry => retry.Exponential(
                    5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500)));
                if (rabbit.AutoDeleteQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbitEndpoint)
                {
                    rabbitEndpoint.AutoDelete = true;
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
