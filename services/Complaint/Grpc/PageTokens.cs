using System.Globalization;
using Bansos.Complaint.Data;
using Bansos.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace Bansos.Complaint.Grpc;

/// <summary>
/// Page tokens that reveal nothing: the cursor (filing time, id) encrypted and authenticated with
/// ASP.NET Core data protection, so a client can neither read nor forge one.
/// </summary>
public sealed class PageTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Bansos.Complaint.PageToken.v1");

    public string ToToken(ListCursor? cursor) => cursor is null
        ? ""
        : protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{cursor.FiledAt.UtcTicks}|{cursor.Id:N}"));

    public ListCursor? Parse(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(token).Split('|');
            return new ListCursor(new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.ParseExact(parts[1], "N"));
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException or IndexOutOfRangeException)
        {
            throw new ValidationException("page_token", "Token halaman tidak sah (invalid page token)");
        }
    }
}
