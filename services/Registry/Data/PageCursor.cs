namespace Bansos.Registry.Data;

/// <summary>
/// Where a page of the household search ended: the id of its last household, as an opaque token.
/// Paging is keyset on (head name key, id), but the token carries the id only and the query reads
/// the name key back from that household, so a token shows nothing a masked caller may not see
/// (the id is in the page already). Keyset paging stays fast on deep pages and stable under inserts.
/// </summary>
public sealed record PageCursor(Guid Id)
{
    public string ToToken() =>
        Convert.ToBase64String(Id.ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryParse(string token, out PageCursor? cursor)
    {
        cursor = null;
        var bytes = new byte[16];
        var base64 = token.Replace('-', '+').Replace('_', '/') + "==";
        if (token.Length != 22 || !Convert.TryFromBase64String(base64, bytes, out var written) || written != 16)
        {
            return false;
        }

        cursor = new PageCursor(new Guid(bytes));
        return true;
    }
}
