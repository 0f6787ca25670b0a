using GrpcConfig = global::Grpc.Net.Client.Configuration;
using System.Net;
using System.Security.Authentication;
using Bansos.Gateway.Domain;
using Bansos.Gateway.Grpc;
using Bansos.Gateway.Http;
using Bansos.Gateway.OpenApi;
using Bansos.Gateway.Pki;
using Bansos.Gateway.Proxy;
using Bansos.Gateway.Terminals;
using Bansos.Gateway.Tokens;
using Bansos.Gateway.Users;
using Bansos.Gateway.Data;
using Bansos.ServiceDefaults;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Identity;
using Yarp.ReverseProxy.Transforms;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bansos.Gateway;

/// <summary>The gateway host: Program.cs and the tests build it the same way.</summary>
public static class GatewayApp
{
    public const string ServiceName = "gateway";

    /// <param name="args">Command-line arguments (configuration only: no secret is ever taken from them).</param>
    /// <param name="configure">Extra configuration (tests), applied before anything reads it.</param>
    public static WebApplication Build(string[] args, Action<ConfigurationManager>? configure = null)
    {
        var builder = BansosWebApplication.CreateBuilder(args);
        configure?.Invoke(builder.Configuration);
        builder.Configuration.AddBansosSecretFiles(); // before anything reads a connection string
        // Ports, keys, routes and limits are set up before the container exists: read with the same binding and checks (D87).
        var options = builder.Configuration.ReadBansosSettings<GatewayOptions>(GatewayOptions.Section);
        var paths = new GatewayPaths(options.ResolveDataDir(builder.Configuration));
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ServiceName)) &&
            string.IsNullOrWhiteSpace(builder.Configuration["Bansos:Storage:Provider"]))
        {
            // SQLite inside the owner-only folder: the file holds password and refresh-token hashes.
            builder.Configuration[$"ConnectionStrings:{ServiceName}"] = $"Data Source={Path.Combine(paths.DataDir, ServiceName + ".db")}";
        }

        // The keys exist before anything else: the gateway verifies its own tokens through the same
        // public-key path (ServiceDefaults' AddBansosAuth) as the services do.
        SecretFiles.EnsureDirectory(paths.DataDir);
        var pki = GatewayPki.LoadOrCreate(paths.DataDir, options.Pki, options.ServerNames, NullLogger.Instance);
        builder.Configuration["Bansos:Auth:Jwks"] = PublicJwks.Create([(PublicJwks.KeyIdOf(pki.TokenSigningKey), pki.TokenSigningKey)]);
        builder.Configuration["Bansos:Auth:JwksUri"] = "";
        builder.Configuration["Bansos:Auth:JwksFile"] = "";

        builder.AddBansosLogging();
        builder.AddBansosTelemetry(ServiceName);
        builder.AddBansosStorage(ServiceName, typeof(GatewayApp).Assembly);
        builder.AddBansosAuth();
        ConfigureKestrel(builder, options, pki);
        builder.AddGatewayServices(options, paths, pki);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages(GatewayErrors.StatusPagesAsync);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseGatewayRateLimits();
        app.MapGatewayHealth();
        app.MapAuthEndpoints();
        app.MapGatewayAdminEndpoints();
        app.MapGrpcService<TerminalEnrolmentGrpcService>();
        app.MapRestFacadeDocs();
        app.MapReverseProxy().ConfigureEndpoints((endpoint, route) =>
            endpoint.RequireGatewayRateLimit(Enum.Parse<RateLimitPolicy>(route.Metadata![GatewayRoutes.RateLimitKey])));
        return app;
    }

    private static void AddGatewayServices(this WebApplicationBuilder builder, GatewayOptions options, GatewayPaths paths, GatewayPki pki)
    {
        var services = builder.Services;
        services.AddBansosSettings<GatewayOptions>(GatewayOptions.Section);
        services.AddSingleton(paths);
        services.AddSingleton(pki);
        services.AddSingleton<GatewayTokenIssuer>();
        services.AddSingleton<TerminalTokenCache>();
        services.AddSingleton<TerminalCertificates>();
        services.AddSingleton<IPasswordHasher<GatewayUser>, PasswordHasher<GatewayUser>>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<EnrolmentCodeStore>();
        services.AddScoped<SignIns>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<EnrolmentCodes>();
        services.AddHostedService<FirstAdmin>();

        // Only reads (the terminals' status): safe to retry. A payout service that starts after the
        // gateway, or restarts, is reached within a second or two instead of after the channel's
        // default reconnect back-off (up to two minutes) has run out.
        services.AddGrpcClient<Bansos.Protos.Payout.V1.DistributionPointService.DistributionPointServiceClient>(client =>
                client.Address = new Uri(options.BackendFor("payout").Grpc!))
            .ConfigureChannel(channel =>
            {
                channel.InitialReconnectBackoff = TimeSpan.FromMilliseconds(100);
                channel.MaxReconnectBackoff = TimeSpan.FromSeconds(1);
                channel.ServiceConfig = new GrpcConfig.ServiceConfig
                {
                    MethodConfigs =
                    {
                        new GrpcConfig.MethodConfig
                        {
                            Names = { GrpcConfig.MethodName.Default },
                            RetryPolicy = new GrpcConfig.RetryPolicy
                            {
                                MaxAttempts = 5,
                                InitialBackoff = TimeSpan.FromMilliseconds(200),
                                MaxBackoff = TimeSpan.FromSeconds(1),
                                BackoffMultiplier = 2,
                                RetryableStatusCodes = { global::Grpc.Core.StatusCode.Unavailable },
                            },
                        },
                    },
                };
            });
        services.AddSingleton<RevokedCertificateStore>();
        services.AddSingleton<CertificateRevocations>();
        services.AddHostedService(sp => sp.GetRequiredService<CertificateRevocations>());
        services.AddSingleton<TerminalStatusMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<TerminalStatusMonitor>());

        services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<GrpcExceptionInterceptor>();
            grpc.MaxReceiveMessageSize = 64 * 1024;
        });
        services.AddHttpClient(nameof(HealthEndpoints));
        services.AddProblemDetails();
        services.AddExceptionHandler<GatewayErrors>();
        services.AddGatewayPolicies(options.External);
        services.AddGatewayRateLimits();

        var (routes, clusters) = GatewayRoutes.Build(options);
        services.AddReverseProxy()
            .LoadFromMemory(routes, clusters)
            .AddTransforms(transforms => transforms.AddRequestTransform(IdentityHeaders.ApplyAsync));
    }

    private static void ConfigureKestrel(WebApplicationBuilder builder, GatewayOptions options, GatewayPki pki) =>
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.ListenAnyIP(options.HttpsPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = pki.ServerCertificate,
                    SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    // Asked for at the handshake, checked by TerminalCertificateHandler (a bad one gets a
                    // clear 401 / UNAUTHENTICATED instead of a dropped connection); enrolment needs none.
                    ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                    ClientCertificateValidation = (_, _, _) => true,
                });
            });
            if (options.HttpPort >= 0)
            {
                kestrel.Listen(IPAddress.Parse(options.HttpAddress), options.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
            }
        });
}
