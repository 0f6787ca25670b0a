using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Bansos.ServiceDefaults.Logging;

/// <summary>
/// One JSON object per line (the shape of the built-in "json" formatter) with every string —
/// message, state values, scopes, exception — passed through <see cref="PersonalData.Mask"/>.
/// It is the single masking point of the logs: AddServiceDefaults makes it the only formatter of
/// the only provider.
/// </summary>
public sealed class MaskingJsonConsoleFormatter : ConsoleFormatter, IDisposable
{
    public const string FormatterName = "bansos-json";

    /// <summary>Templates and trace ids: never personal data, and hex ids can look like 16 digits.</summary>
    private static readonly HashSet<string> Unmasked = new(StringComparer.Ordinal) { "{OriginalFormat}", "SpanId", "TraceId", "ParentId" };

    private readonly IDisposable? reload;
    private JsonConsoleFormatterOptions options;

    public MaskingJsonConsoleFormatter(IOptionsMonitor<JsonConsoleFormatterOptions> options)
        : base(FormatterName)
    {
        this.options = options.CurrentValue;
        reload = options.OnChange(changed => this.options = changed);
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is null && message is null)
        {
            return;
        }

        var current = options;
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, current.JsonWriterOptions))
        {
            writer.WriteStartObject();
            var now = current.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now;
            writer.WriteString("Timestamp", now.ToString(current.TimestampFormat ?? "O", CultureInfo.InvariantCulture));
            writer.WriteNumber("EventId", logEntry.EventId.Id);
            writer.WriteString("LogLevel", logEntry.LogLevel.ToString());
            writer.WriteString("Category", logEntry.Category);
            writer.WriteString("Message", PersonalData.Mask(message ?? ""));
            if (logEntry.Exception is not null)
            {
                writer.WriteString("Exception", PersonalData.Mask(logEntry.Exception.ToString()));
            }

            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> state)
            {
                writer.WriteStartObject("State");
                foreach (var (key, value) in state)
                {
                    WriteValue(writer, key, value);
                }

                writer.WriteEndObject();
            }

            if (current.IncludeScopes && scopeProvider is not null)
            {
                writer.WriteStartArray("Scopes");
                scopeProvider.ForEachScope(static (scope, w) => WriteScope(w, scope), writer);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write(Environment.NewLine);
    }

    public void Dispose() => reload?.Dispose();

    private static void WriteScope(Utf8JsonWriter writer, object? scope)
    {
        if (scope is IReadOnlyList<KeyValuePair<string, object?>> pairs)
        {
            writer.WriteStartObject();
            foreach (var (key, value) in pairs)
            {
                WriteValue(writer, key, value);
            }

            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStringValue(PersonalData.Mask(Convert.ToString(scope, CultureInfo.InvariantCulture) ?? ""));
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, string key, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(key);
                break;
            case bool b:
                writer.WriteBoolean(key, b);
                break;
            case int or short or byte or uint or ushort or sbyte:
                writer.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case decimal d:
                writer.WriteNumber(key, d);
                break;
            case double or float when double.IsFinite(Convert.ToDouble(value, CultureInfo.InvariantCulture)):
                writer.WriteNumber(key, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            default:
                // long and friends too: a NIK kept in a long is still a NIK.
                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                writer.WriteString(key, Unmasked.Contains(key) ? text : PersonalData.Mask(text));
                break;
        }
    }
}
