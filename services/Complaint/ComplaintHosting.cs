using Bansos.Complaint.Application;
using Bansos.Complaint.Data;
using Bansos.Complaint.Domain;
using Bansos.Complaint.Grpc;
using Bansos.Complaint.Messaging;
using Bansos.Registry.Domain.Areas;
using Bansos.ServiceDefaults;
using Bansos.ServiceDefaults.Hosting;

namespace Bansos.Complaint;

/// <summary>The complaint service's registrations and endpoints (Program.cs stays short).</summary>
public static class ComplaintHosting
{
    public const string ServiceName = "complaint";

    public static WebApplicationBuilder AddComplaintServices(this WebApplicationBuilder builder)
    {
        builder.AddBansosStorage(ServiceName, typeof(ComplaintHosting).Assembly);
        // The queue prefix is needed to register the consumers, before the container exists (docs/decisions.md D87).
        var endpointPrefix = builder.Configuration.ReadBansosSettings<ComplaintOptions>(ComplaintOptions.Section).EndpointPrefix;
        builder.AddBansosMessaging(endpointPrefix, bus =>
        {
            bus.AddConsumer<PayoutDeclinedConsumer>();
            bus.AddConsumer<CardStatusChangedConsumer>();
            bus.AddConsumer<HouseholdRegisteredConsumer>();
            bus.AddConsumer<HouseholdChangedConsumer>();
        });
        builder.AddBansosAuth();

        var services = builder.Services;
        services.AddBansosSettings<ComplaintOptions>(ComplaintOptions.Section);
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
