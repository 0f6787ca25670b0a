using System.Collections.Concurrent;
using System.Text.Json;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>How outbox bodies are written and read back: one set of options for both sides.</summary>
public static class MessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static readonly ConcurrentDictionary<Type, string> TypeNames = new();

    /// <summary>"Namespace.Type, Assembly": stable across versions of the assembly (cached: an import writes one per household).</summary>
    public static string TypeName(Type type) =>
        TypeNames.GetOrAdd(type, static t => $"{t.FullName}, {t.Assembly.GetName().Name}");
}
