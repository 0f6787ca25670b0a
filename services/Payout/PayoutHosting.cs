using Bansos.Payout.Application;
using Bansos.Payout.Data;
using Bansos.Payout.Grpc;
using Bansos.Payout.Keys;
using Bansos.Payout.Messaging;
using Bansos.ServiceDefaults;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout;

/// <summary>The payout service's registrations and endpoints (Program.cs stays four lines).</summary>
public static class PayoutHosting
{
    public const string ServiceName = "payout";

    public static WebApplicationBuilder AddPayoutServices(this WebApplicationBuilder builder)
    {
        var options = PayoutOptions.From(builder.Configuration);
        builder.AddBansosStorage(ServiceName, typeof(PayoutHosting).Assembly);
        builder.AddBansosMessaging(options.EndpointPrefix, bus =>
        {
            bus.AddConsumer<HouseholdRegisteredConsumer>();
            bus.AddConsumer<HouseholdChangedConsumer>();
            bus.AddConsumer<HouseholdStatusChangedConsumer>();
            bus.AddConsumer<CardIssuedConsumer>();
            bus.AddConsumer<CardStatusChangedConsumer>();
        });
        builder.AddBansosAuth();

        var services = builder.Services;
        services.AddSingleton<IGrpcExceptionMapper, PayoutExceptionMapper>();
        services.AddSingleton(options);
        services.AddSingleton(PilotSeedOptions.From(builder.Configuration));

        services.AddSingleton<IIssuerKeyStore>(sp => new FileIssuerKeyStore(options.IssuerKeyFile, sp.GetRequiredService<ILogger<FileIssuerKeyStore>>()));
        services.AddHostedService<IssuerKeyStartup>();
        services.AddSingleton<CardKeyCache>();
        services.AddSingleton<CryptogramVerifier>();
        services.AddSingleton<ChallengeIssuer>();

        services.AddSingleton<ProjectionStore>();
        services.AddSingleton<PeriodStore>();
        services.AddSingleton<TrainingPeriods>();
        services.AddSingleton<PointStore>();
        services.AddSingleton<PayoutStore>();
        services.AddSingleton<ReportQueries>();

        // The payout path's one choice by database, here and nowhere else: the store with its SQL and
        // BeginPayout's reader. The pipeline (PayoutAuthorizations) is the same on both.
        var (dialect, _) = StorageSettings.Resolve(builder.Configuration, ServiceName);
        if (dialect == DbDialect.Sqlite)
        {
            services.AddSingleton<IAuthorizationStore, SqliteAuthorizationStore>();
            services.AddSingleton<ReadConnections>();
            services.AddSingleton<ICardViewReader, PooledCardViewReader>();
        }
        else
        {
            services.AddSingleton<IAuthorizationStore, PostgresAuthorizationStore>();
            // BeginPayout's reads coalesced (one query for whatever queued meanwhile), unless group commit is off.
            services.AddSingleton(sp => new PostgresCardViewBatcher(sp.GetRequiredService<IDatabase>(), options.GroupCommit == false ? 1 : options.MaxBatch,
                sp.GetRequiredService<ILogger<PostgresCardViewBatcher>>()));
            services.AddSingleton<ICardViewReader>(sp => sp.GetRequiredService<PostgresCardViewBatcher>());
        }

        services.AddOptions<BeginPayoutLimitOptions>().BindConfiguration(BeginPayoutLimitOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BeginPayoutLimiter>();
        services.AddSingleton<UnbackedAuthorizations>();
        services.AddSingleton<PayoutChallenges>();
        services.AddSingleton<PayoutAuthorizations>();
        services.AddSingleton<PayoutReversals>();
        services.AddSingleton<TerminalDay>();
        services.AddSingleton<CardRefusalStore>();
        services.AddSingleton<CardRefusalRecorder>();
        services.AddSingleton<PeriodAdministration>();
        services.AddSingleton<PointAdministration>();
        services.AddSingleton<PayoutReports>();
        services.AddSingleton<CardPersonalisationStore>();
        services.AddSingleton<CardPersonalisationService>();
        services.AddSingleton<ProjectionUpdater>();
        services.AddSingleton<PilotSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<PilotSeeder>());
        return builder;
    }

    public static WebApplication MapPayoutEndpoints(this WebApplication app)
    {
        app.MapGrpcService<PayoutTerminalGrpcService>();
        app.MapGrpcService<AidPeriodGrpcService>();
        app.MapGrpcService<DistributionPointGrpcService>();
        app.MapGrpcService<IssuerKeyGrpcService>();
        app.MapGrpcService<PayoutReportGrpcService>();
        return app;
    }
}
