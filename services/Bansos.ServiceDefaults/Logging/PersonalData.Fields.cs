namespace Bansos.ServiceDefaults.Logging;

// Whole-field masks, for values known to be personal data (a reporter's name or phone shown to an
// auditor), as opposed to the free-text masks that find numbers inside a line.
public static partial class PersonalData
{
    /// <summary>A name: the first letter of each word, the rest starred (<c>Siti Aminah</c> → <c>S*** A*****</c>).</summary>
    public static string MaskName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word[0] + new string('*', Math.Max(word.Length - 1, 1))));
    }

    /// <summary>What a caller who gets personal data masked sees instead of free text or an address.</summary>
    public const string Withheld = "***";

    /// <summary>
    /// Free text (notes, descriptions, history details) for a caller who gets personal data masked:
    /// withheld whole, since the names and numbers people write into a sentence are beyond any mask.
    /// Empty stays empty.
    /// </summary>
    public static string FreeText(string? text, bool masked) => text is not { Length: > 0 } value ? "" : masked ? Withheld : value;

    /// <summary>Any phone number as a field: all but the last three characters starred (<c>081234567890</c> → <c>*********890</c>).</summary>
    public static string MaskPhoneNumber(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "";
        }

        return phone.Length <= 3 ? new string('*', phone.Length) : new string('*', phone.Length - 3) + phone[^3..];
    }
}
