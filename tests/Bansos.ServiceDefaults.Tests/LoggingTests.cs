using System.Text.Json;
using Bansos.ServiceDefaults.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Bansos.ServiceDefaults.Tests;

public sealed class LoggingTests
{
    [Fact]
    public async Task A_log_line_with_a_NIK_comes_out_masked()
    {
        var line = await LogLineAsync("Bansos.Registry.Import", logger =>
        {
            using (logger.BeginScope("import of KK {Kk}", "1703120101900001"))
            {
                logger.LogWarning(
                    new InvalidOperationException("duplicate NIK 1703124101900002"),
                    "Member {Nik} of household {Kk} rejected; phone {Phone}",
                    "1703124101900002", 1703120101900001L, "081234567890");
            }
        });
        Assert.DoesNotContain("1703124101900002", line, StringComparison.Ordinal);
        Assert.DoesNotContain("1703120101900001", line, StringComparison.Ordinal);
        Assert.DoesNotContain("081234567890", line, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("Member 170312********** of household 170312********** rejected; phone *********890", root.GetProperty("Message").GetString());
        Assert.Equal("170312**********", root.GetProperty("State").GetProperty("Nik").GetString());
        Assert.Equal("170312**********", root.GetProperty("State").GetProperty("Kk").GetString());
        Assert.Contains("duplicate NIK 170312**********", root.GetProperty("Exception").GetString(), StringComparison.Ordinal);
        Assert.Equal("Warning", root.GetProperty("LogLevel").GetString());
        Assert.Contains("170312**********", root.GetProperty("Scopes").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_or_phone_property_is_masked_whole_and_a_NIK_in_a_decimal_or_double_too()
    {
        // A landline the mobile-number mask does not know, a name, and NIKs held as numbers.
        var line = await LogLineAsync("Bansos.Complaint", logger => logger.LogWarning(
            "Reporter {ReporterName} on {ReporterPhone}: member {Nik} {Kk}, {Count} items at Rp {Amount}, migration {Name}",
            "Siti Aminah", "0737521234", 1703124101900002m, 1703120101900001d, 3, 200000.5m, "0001_initial"));
        foreach (var personal in new[] { "Siti", "Aminah", "0737521234", "1703124101900002", "1703120101900001", "703120101900001" })
        {
            Assert.DoesNotContain(personal, line, StringComparison.Ordinal);
        }

        using var json = JsonDocument.Parse(line);
        var state = json.RootElement.GetProperty("State");
        Assert.Equal("S*** A*****", state.GetProperty("ReporterName").GetString());
        Assert.Equal("*******234", state.GetProperty("ReporterPhone").GetString());
        Assert.Equal("170312**********", state.GetProperty("Nik").GetString());
        Assert.Equal("170312**********", state.GetProperty("Kk").GetString());
        Assert.Equal(3, state.GetProperty("Count").GetInt64()); // short numbers stay numbers
        Assert.Equal(200000.5m, state.GetProperty("Amount").GetDecimal());
        Assert.Equal("0001_initial", state.GetProperty("Name").GetString()); // "Name" alone names things, not people
        Assert.StartsWith("Reporter S*** A***** on *******234: member 170312**********", json.RootElement.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_is_the_only_provider_and_uses_the_masking_formatter()
    {
        await using var app = BuildApp();
        var providers = app.Services.GetServices<ILoggerProvider>().ToList();
        Assert.All(providers, p => Assert.IsType<ConsoleLoggerProvider>(p));
        Assert.Equal(MaskingJsonConsoleFormatter.FormatterName,
            app.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
    }

    /// <summary>What <paramref name="log"/> writes, through the service defaults' formatter, as one trimmed line.</summary>
    private static async Task<string> LogLineAsync(string category, Action<ILogger> log)
    {
        await using var app = BuildApp();
        var formatter = app.Services.GetServices<ConsoleFormatter>()
            .Single(f => f.Name == MaskingJsonConsoleFormatter.FormatterName);
        var output = new StringWriter();
        using (var factory = LoggerFactory.Create(logging => logging.AddProvider(new FormatterLoggerProvider(formatter, output))))
        {
            log(factory.CreateLogger(category));
        }

        return output.ToString().Trim();
    }

    private static WebApplication BuildApp()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults("logtest");
        return builder.Build();
    }

    /// <summary>The console logger's pipeline without the console: state, scopes and exception through the formatter.</summary>
    private sealed class FormatterLoggerProvider(ConsoleFormatter formatter, TextWriter output) : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConsoleFormatter format = formatter;
        private readonly TextWriter writer = output;
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ILogger CreateLogger(string categoryName) => new FormatterLogger(categoryName, this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class FormatterLogger(string category, FormatterLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.format.Write(
                    new Microsoft.Extensions.Logging.Abstractions.LogEntry<TState>(logLevel, category, eventId, state, exception, formatter),
                    provider.scopes,
                    provider.writer);
        }
    }
}
