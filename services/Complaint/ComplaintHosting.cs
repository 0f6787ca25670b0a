using Bansos.Complaint.Application;
using Bansos.Complaint.Data;
using Bansos.Complaint.Domain;
using Bansos.Complaint.Grpc;
using Bansos.Complaint.Messaging;
using Bansos.Registry.Domain.Areas;
using Bansos.ServiceDefaults;
using Bansos.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace Bansos.Complaint;

/// <summary>The complaint service's registrations and endpoints (Program.cs stays short).</summary>
public static class ComplaintHosting
{
    public const string ServiceName = "complaint";

    public static WebApplicationBuilder AddComplaintServices(this WebApplicationBuilder builder)
    {
        builder.AddBansosStorage(ServiceName, typeof(ComplaintHosting).Assembly);
        // Queues are "<prefix>-<consumer>"; tests give each host its own prefix on a shared broker.
        var endpointPrefix = builder.Configuration[ComplaintOptions.Section + ":EndpointPrefix"] is { Length: > 0 } prefix ? prefix : ServiceName;
        builder.AddBansosMessaging(endpointPrefix, bus =>
        {
            bus.AddConsumer<PayoutDeclinedConsumer>();
            bus.AddConsumer<CardStatusChangedConsumer>();
            bus.AddConsumer<HouseholdRegisteredConsumer>();
            bus.AddConsumer<HouseholdChangedConsumer>();
        });
        builder.AddBansosAuth();

        var services = builder.Services;
        services.AddOptions<ComplaintOptions>().BindConfiguration(ComplaintOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ComplaintOptions.SlaDays>().BindConfiguration(ComplaintOptions.Section + ":Sla").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ComplaintOptions>>().Value);
        services.AddSingleton(_ => AreaReference.LoadDefault());
        services.AddSingleton<IGrpcExceptionMapper, ComplaintExceptionMapper>();
        services.AddDataProtection();

        services.AddSingleton<ComplaintRules>();
        services.AddSingleton<SlaPolicy>();
        services.AddSingleton<ComplaintStore>();
        services.AddSingleton<HouseholdProjection>();
        services.AddSingleton<ComplaintAudit>();
        services.AddSingleton<ComplaintCommands>();
        services.AddSingleton<ComplaintQueries>();
        services.AddSingleton<AutomaticTicketing>();
        services.AddSingleton<PageTokens>();
        return builder;
    }

    public static WebApplication MapComplaintEndpoints(this WebApplication app)
    {
        app.UseTranscodedProblemDetails("/api/v1/complaint");
        app.MapGrpcService<ComplaintGrpcService>();
        return app;
    }
}
