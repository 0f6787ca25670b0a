namespace Bansos.Card;

/// <summary>
/// Bytes from a card (or for a card) that do not follow the profile. The agent-side parsers throw
/// only this family, so a caller can catch one type for "the card sent garbage" and never sees an
/// <see cref="IndexOutOfRangeException"/> from a hostile or broken card.
/// </summary>
public class CardDataFormatException : FormatException
{
    public CardDataFormatException() { }

    public CardDataFormatException(string message) : base(message) { }

    public CardDataFormatException(string message, Exception innerException) : base(message, innerException) { }
}
