using System.Globalization;
using Bansos.Card;

namespace Bansos.PcSc.Tool;

/// <summary>Turns the personalise options into checked <see cref="PersonalisationData"/>, K_card derived from the IMK.</summary>
internal static class PersonalisationInput
{
    public static PersonalisationData Parse(CommandLineOptions options)
    {
        var cardNumberText = options.Required("card-number");
        if (!CardNumber.TryParse(cardNumberText, out var cardNumber))
            throw new UsageException($"--card-number harus 16 angka dengan digit Luhn benar (must be 16 digits with a valid Luhn digit): {cardNumberText}");
        var expiryText = options.Required("expiry");
        if (!DateOnly.TryParseExact("20" + expiryText, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry) || expiryText.Length != 6)
            throw new UsageException($"--expiry harus YYMMDD (must be YYMMDD): {expiryText}");
        var imk = ParseKey(options.Required("imk"));
        try
        {
            return PersonalisationData.FromIssuerMasterKey(imk, cardNumber, options.Required("household"), options.Required("holder"), expiry, options.Required("pin"));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        finally
        {
            Array.Clear(imk);
        }
    }

    private static byte[] ParseKey(string hex)
    {
        try
        {
            var key = Convert.FromHexString(hex);
            if (key.Length == 16) return key;
        }
        catch (FormatException)
        {
        }
        throw new UsageException("--imk harus 32 digit heksadesimal (AES-128) (must be 32 hex digits).");
    }
}
