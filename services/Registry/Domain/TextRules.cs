namespace Bansos.Registry.Domain;

/// <summary>
/// Free text (names, street, notes) is kept verbatim — quotes, apostrophes and SQL-looking text are
/// just data — but must be non-blank when required, bounded in length, and free of control
/// characters and of U+FFFD (the mark of bytes that were not valid UTF-8).
/// </summary>
public static class TextRules
{
    public const int MaxNameLength = 100;
    public const int MaxStreetLength = 200;
    public const int MaxNoteLength = 500;

    public static ValidationError? Check(string? value, string field, string label, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? DomainErrors.Required(field, label) : null;
        }

        if (value.Length > maxLength)
        {
            return DomainErrors.TextTooLong(field, label, maxLength);
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || c == '\uFFFD')
            {
                return DomainErrors.TextInvalidCharacters(field, label);
            }
        }

        return null;
    }
}
