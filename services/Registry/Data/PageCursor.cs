using System.Text;

namespace Bansos.Registry.Data;

/// <summary>
/// Where a page of the household search ended (keyset paging on the head name, then id), as an
/// opaque token for clients. Keyset paging stays fast on deep pages and stable under inserts.
/// </summary>
public sealed record PageCursor(string NameKey, Guid Id)
{
    public string ToToken() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Id:N}|{NameKey}"));

    public static bool TryParse(string token, out PageCursor? cursor)
    {
        cursor = null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar != 32 || !Guid.TryParseExact(text[..bar], "N", out var id))
            {
                return false;
            }

            cursor = new PageCursor(text[(bar + 1)..], id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
