using Bansos.ServiceDefaults.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Bansos.ServiceDefaults;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry traces and metrics (ASP.NET Core, HttpClient, runtime, MassTransit), exported
    /// over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set. Spans are recorded only then too: with
    /// nowhere to send them, sampling and masking every call's spans is CPU a solar-powered posko
    /// laptop pays for nothing (docs/performance.md "CPU at low load"). Metrics stay on either way
    /// (in-process listeners such as the benchmark's read them). Logs are not exported: they stay on
    /// the masked console.
    /// </summary>
    public static IHostApplicationBuilder AddBansosTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var exportOtlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName));
        if (exportOtlp)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(aspnet =>
                        // health probes are noise
                        aspnet.Filter = context => !context.Request.Path.StartsWithSegments("/healthz") &&
                                                   !context.Request.Path.StartsWithSegments("/readyz"))
                    .AddHttpClientInstrumentation()
                    .AddSource("MassTransit")
                    .AddProcessor(new MaskingActivityProcessor())
                    .AddOtlpExporter();
            });
        }

        telemetry.WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter("Bansos.*"); // the services' own meters (e.g. Bansos.Payout)
            if (exportOtlp)
            {
                metrics.AddOtlpExporter();
            }
        });
        return builder;
    }
}
