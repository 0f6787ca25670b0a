using Bansos.ServiceDefaults.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Bansos.ServiceDefaults;

public static class LoggingExtensions
{
    /// <summary>Console only, one masked JSON object per line (see <see cref="MaskingJsonConsoleFormatter"/>).</summary>
    public static IHostApplicationBuilder AddBansosLogging(this IHostApplicationBuilder builder)
    {
        // Other providers (debug, event source, OTLP logs) would see unmasked text: only the console stays.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.FormatterName = MaskingJsonConsoleFormatter.FormatterName);
        builder.Logging.AddConsoleFormatter<MaskingJsonConsoleFormatter, JsonConsoleFormatterOptions>(json =>
        {
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            json.IncludeScopes = true;
        });
        return builder;
    }
}
