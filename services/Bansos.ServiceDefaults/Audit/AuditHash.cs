using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bansos.ServiceDefaults.Audit;

/// <summary>
/// hash = SHA-256(prev_hash ‖ canonical fields), lowercase hex. Each field is written as
/// "length:value" (null as "-1:") so no two different rows share a canonical form. The time is
/// taken to the microsecond, the precision both databases keep.
/// </summary>
public static class AuditHash
{
    public static string Compute(
        string prevHash, long sequence, DateTimeOffset at, string actor, string action,
        string entityType, string entityId, string? beforeJson, string? afterJson)
    {
        var text = new StringBuilder();
        Append(text, prevHash);
        Append(text, sequence.ToString(CultureInfo.InvariantCulture));
        Append(text, at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Append(text, actor);
        Append(text, action);
        Append(text, entityType);
        Append(text, entityId);
        Append(text, beforeJson);
        Append(text, afterJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static string Compute(AuditRecord record) =>
        Compute(record.PrevHash, record.Sequence, record.At, record.Actor, record.Action,
            record.EntityType, record.EntityId, record.BeforeJson, record.AfterJson);

    private static void Append(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("-1:");
            return;
        }

        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
    }
}
