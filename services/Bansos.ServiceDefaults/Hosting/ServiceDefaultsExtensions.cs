using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bansos.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>The health-check tag /readyz and the gRPC health service report on (not the bus: a broker outage must not take a service out).</summary>
    public const string ReadyTag = "bansos-ready";

    /// <summary>
    /// Kestrel endpoints, gRPC (with JSON transcoding, size limits and the exception mapping),
    /// health checks, OpenTelemetry and masked JSON console logs. Ports come from
    /// <c>Bansos:Ports:Grpc</c>/<c>Bansos:Ports:Http</c>, else <see cref="ServicePorts.DefaultFor"/>.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName) =>
        builder.AddServiceDefaults(serviceName, ServicePorts.DefaultFor(serviceName));

    /// <summary>As <see cref="AddServiceDefaults(WebApplicationBuilder, string)"/> with the caller's default ports.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName, ServicePorts defaultPorts)
    {
        builder.Configuration.AddBansosSecretFiles();
        builder.AddBansosLogging();
        builder.AddBansosTelemetry(serviceName);
        ConfigureKestrel(builder, defaultPorts);

        builder.Services.AddGrpc().AddJsonTranscoding(transcoding =>
            // Error details (google.rpc.BadRequest) travel in a google.protobuf.Any: the JSON writer must know the type.
            transcoding.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(
                Google.Rpc.BadRequest.Descriptor, Google.Rpc.ErrorInfo.Descriptor));
        builder.Services.AddOptions<GrpcServiceOptions>().Configure<IConfiguration, IHostEnvironment>((grpc, configuration, environment) =>
        {
            grpc.MaxReceiveMessageSize = configuration.GetValue("Bansos:Grpc:MaxReceiveMessageSize", 4 * 1024 * 1024);
            grpc.MaxSendMessageSize = configuration.GetValue("Bansos:Grpc:MaxSendMessageSize", 16 * 1024 * 1024);
            grpc.EnableDetailedErrors = environment.IsDevelopment();
            grpc.Interceptors.Add<GrpcExceptionInterceptor>();
        });

        // Reflection lets operators explore a service with grpcurl (still behind the token like every RPC).
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks(health => health.Services.Map("", result => result.Tags.Contains(ReadyTag)))
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Authentication/authorization middleware (when AddBansosAuth registered them) and the
    /// anonymous probes: <c>/healthz</c> (liveness: the process answers), <c>/readyz</c> (the
    /// database answers and is migrated) and the gRPC health service. Map the service's gRPC
    /// services after this.
    /// </summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        if (app.Services.GetService<IAuthenticationSchemeProvider>() is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService();
        return app;
    }

    private static void ConfigureKestrel(WebApplicationBuilder builder, ServicePorts defaultPorts) =>
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var configuration = context.Configuration;
            // An explicit address (ASPNETCORE_URLS, --urls, Kestrel:Endpoints) wins; a test server never gets here.
            if (!string.IsNullOrWhiteSpace(configuration["urls"]) ||
                !string.IsNullOrWhiteSpace(configuration["http_ports"]) ||
                !string.IsNullOrWhiteSpace(configuration["https_ports"]) ||
                configuration.GetSection("Kestrel:Endpoints").Exists())
            {
                return;
            }

            // Behind the gateway a service listens on loopback only (Bansos:Ports:Address=127.0.0.1); default: every interface.
            var bind = configuration["Bansos:Ports:Address"];
            void Listen(int port, HttpProtocols protocols)
            {
                if (string.IsNullOrWhiteSpace(bind))
                {
                    kestrel.ListenAnyIP(port, listen => listen.Protocols = protocols);
                }
                else
                {
                    kestrel.Listen(System.Net.IPAddress.Parse(bind), port, listen => listen.Protocols = protocols);
                }
            }

            Listen(configuration.GetValue("Bansos:Ports:Grpc", defaultPorts.Grpc), HttpProtocols.Http2);
            Listen(configuration.GetValue("Bansos:Ports:Http", defaultPorts.Http), HttpProtocols.Http1);
        });
}
