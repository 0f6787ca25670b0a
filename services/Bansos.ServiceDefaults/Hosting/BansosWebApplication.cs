using Microsoft.AspNetCore.Builder;

namespace Bansos.ServiceDefaults.Hosting;

/// <summary>
/// The builder every Bansos host starts from: <see cref="WebApplication.CreateBuilder(string[])"/> with
/// the configuration files read once. Settings are checked once at start-up (docs/decisions.md D87)
/// and nothing reloads them, while the watcher behind reloadOnChange watches the content root and
/// every folder below it: with the data folder there (the pilot's <c>./data</c>), it woke on every
/// SQLite page and log line written (docs/decisions.md D96).
/// </summary>
public static class BansosWebApplication
{
    /// <summary>The host setting that turns the watcher off (a command-line source, so it cannot be overridden by a file it would watch).</summary>
    public const string ReadConfigurationOnce = "--hostBuilder:reloadConfigOnChange=false";

    public static WebApplicationBuilder CreateBuilder(string[] args) => WebApplication.CreateBuilder([.. args, ReadConfigurationOnce]);

    /// <summary>For hosts built with options (benchmarks and tests): the same setting added to their arguments.</summary>
    public static WebApplicationBuilder CreateBuilder(WebApplicationOptions options) => WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = [.. options.Args ?? [], ReadConfigurationOnce],
        EnvironmentName = options.EnvironmentName,
        ApplicationName = options.ApplicationName,
        ContentRootPath = options.ContentRootPath,
        WebRootPath = options.WebRootPath,
    });
}
