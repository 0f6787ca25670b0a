using System.Text.Json;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>How outbox bodies are written and read back: one set of options for both sides.</summary>
public static class MessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>"Namespace.Type, Assembly": stable across versions of the assembly.</summary>
    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
