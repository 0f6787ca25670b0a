using Bansos.Registry.Application;
using Bansos.Registry.Data;
using Bansos.Registry.Domain.Areas;
using Bansos.Registry.Grpc;
using Bansos.Registry.Http;
using Bansos.Registry.Seeding;
using Bansos.ServiceDefaults;
using Bansos.ServiceDefaults.Hosting;

namespace Bansos.Registry;

public static class RegistryServiceExtensions
{
    /// <summary>Storage, messaging, auth and the registry's own parts.</summary>
    public static WebApplicationBuilder AddRegistryServices(this WebApplicationBuilder builder)
    {
        builder.AddBansosStorage(RegistryService.Name, typeof(RegistryServiceExtensions).Assembly);
        builder.AddBansosMessaging(RegistryService.Name);
        builder.AddBansosAuth();

        var services = builder.Services;
        services.AddBansosSettings<RegistryOptions>(RegistryOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                if (string.IsNullOrWhiteSpace(options.TempDirectory))
                {
                    var dataDir = configuration["Bansos:DataDir"] is { Length: > 0 } dir ? dir : "./data";
                    options.TempDirectory = Path.GetFullPath(Path.Combine(dataDir, "import-spool"));
                }
            });
        services.AddSingleton(_ => AreaReference.LoadDefault());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<HouseholdQueries>();
        services.AddSingleton<HouseholdStore>();
        services.AddSingleton<CardStore>();
        services.AddScoped<HouseholdImporter>();
        services.AddScoped<HouseholdCommands>();
        services.AddScoped<CardCommands>();
        services.AddHostedService<ImportRecovery>();
        services.AddHostedService<PilotSeeder>();
        return builder;
    }

    public static WebApplication MapRegistryEndpoints(this WebApplication app)
    {
        app.MapGrpcService<AreaGrpcService>();
        app.MapGrpcService<HouseholdGrpcService>();
        app.MapGrpcService<CardGrpcService>();
        app.MapGrpcService<ImportGrpcService>();
        app.MapImportEndpoints();
        return app;
    }
}
