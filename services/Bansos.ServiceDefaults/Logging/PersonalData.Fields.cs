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
