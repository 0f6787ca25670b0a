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
/// message, state values, scopes, exception — passed through <see cref="PersonalData.Mask"/>, and
/// properties that hold a name or phone number whole masked as such (<c>WholeFields</c>).
/// It is the single masking point of the logs: AddServiceDefaults makes it the only formatter of
/// the only provider.
/// </summary>
public sealed class MaskingJsonConsoleFormatter : ConsoleFormatter, IDisposable
{
    public const string FormatterName = "bansos-json";

    /// <summary>Templates and trace ids: never personal data, and hex ids can look like 16 digits.</summary>
    private static readonly HashSet<string> Unmasked = new(StringComparer.Ordinal) { "{OriginalFormat}", "SpanId", "TraceId", "ParentId" };

    /// <summary>
    /// Properties that hold a person's name or phone number whole. No log of ours has one; should one
    /// appear, the free-text masks cannot find a name and know only mobile numbers, so these are
    /// masked as whole fields (initials, the last three digits), in the state and in the message.
    /// </summary>
    private static readonly Dictionary<string, Func<string?, string>> WholeFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HolderName"] = PersonalData.MaskName,
        ["HeadName"] = PersonalData.MaskName,
        ["MemberName"] = PersonalData.MaskName,
        ["ReporterName"] = PersonalData.MaskName,
        ["FullName"] = PersonalData.MaskName,
        ["Phone"] = PersonalData.MaskPhoneNumber,
        ["PhoneNumber"] = PersonalData.MaskPhoneNumber,
        ["ReporterPhone"] = PersonalData.MaskPhoneNumber,
    };

    /// <summary>From 15 digits on a number may be a NIK, KK or card number, whatever type holds it.</summary>
    private const double LongestHarmlessNumber = 1e14;

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
            writer.WriteString("Message", MaskStateValues(PersonalData.Mask(message ?? ""), logEntry.State as IReadOnlyList<KeyValuePair<string, object?>>));
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

    /// <summary>
    /// The message with each whole-field value (a name, a phone number) replaced by its mask, and each
    /// long double, which the message shows as <c>1.703124101900002E+15</c> where no digit mask finds it, by stars.
    /// </summary>
    private static string MaskStateValues(string message, IReadOnlyList<KeyValuePair<string, object?>>? state)
    {
        if (state is null)
        {
            return message;
        }

        foreach (var (key, value) in state)
        {
            var replace = WholeFields.TryGetValue(key, out var mask) ? mask
                : value is double or float && IsLongNumber(value) ? Stars
                : null;
            if (replace is not null && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text)
            {
                message = message.Replace(text, replace(text), StringComparison.Ordinal);
            }
        }

        return message;
    }

    private static string Stars(string? text) => new('*', text?.Length ?? 0);

    /// <summary>A decimal or finite double of 15 digits or more: possibly a NIK, KK or card number.</summary>
    private static bool IsLongNumber(object? value) => value switch
    {
        decimal d => Math.Abs(d) > (decimal)LongestHarmlessNumber,
        double or float => Convert.ToDouble(value, CultureInfo.InvariantCulture) is var number && double.IsFinite(number) &&
                           Math.Abs(number) > LongestHarmlessNumber,
        _ => false,
    };

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
            case decimal or double or float when IsLongNumber(value):
                // As digits, so the free-text mask sees a NIK kept in a decimal or a double too.
                writer.WriteString(key, PersonalData.Mask(value is decimal longDecimal
                    ? longDecimal.ToString("0", CultureInfo.InvariantCulture)
                    : Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("F0", CultureInfo.InvariantCulture)));
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
                writer.WriteString(key, Unmasked.Contains(key) ? text
                    : WholeFields.TryGetValue(key, out var mask) ? mask(text)
                    : PersonalData.Mask(text));
                break;
        }
    }
}
