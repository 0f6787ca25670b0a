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
        // The queue prefix is needed to register the consumers, before the container exists (D87).
        var endpointPrefix = builder.Configuration.ReadBansosSettings<PayoutOptions>(PayoutOptions.Section, PayoutOptions.Complete).EndpointPrefix;
        builder.AddBansosStorage(ServiceName, typeof(PayoutHosting).Assembly);
        builder.AddBansosMessaging(endpointPrefix, bus =>
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
        PayoutOptions.Complete(services.AddBansosSettings<PayoutOptions>(PayoutOptions.Section));
        services.AddBansosSettings<PilotSeedOptions>(PilotSeedOptions.Section);

        services.AddSingleton<IIssuerKeyStore>(sp => new FileIssuerKeyStore(sp.GetRequiredService<PayoutOptions>().IssuerKeyFile,
            sp.GetRequiredService<ILogger<FileIssuerKeyStore>>()));
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
            services.AddSingleton(sp =>
            {
                var options = sp.GetRequiredService<PayoutOptions>();
                return new PostgresCardViewBatcher(sp.GetRequiredService<IDatabase>(), options.GroupCommit == false ? 1 : options.MaxBatch,
                    sp.GetRequiredService<ILogger<PostgresCardViewBatcher>>());
            });
            services.AddSingleton<ICardViewReader>(sp => sp.GetRequiredService<PostgresCardViewBatcher>());
        }

        services.AddBansosSettings<BeginPayoutLimitOptions>(BeginPayoutLimitOptions.Section);
        services.AddSingleton<BeginPayoutLimiter>();
        services.AddSingleton<UnbackedAuthorizations>();
        services.AddSingleton<PayoutChallenges>();
        services.AddSingleton<PayoutAuthorizations>();
        services.AddSingleton<PayoutReversals>();
        services.AddSingleton<TerminalDay>();
        services.AddSingleton<CardRefusalStore>();
        services.AddSingleton<CardRefusalRecorder>();
        services.AddSingleton<PeriodAdministration>();
        services.AddSingleton<PointChanges>();
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
