using Bansos.Card.Apdu;

namespace Bansos.Card;

/// <summary>
/// The card refused a command. <see cref="Exception.Message"/> is meant for the operator
/// (Indonesian first, English in parentheses); <see cref="StatusWord"/> is for logs and logic.
/// </summary>
public sealed class CardException : Exception
{
    public CardException() : this(StatusWords.NoPreciseDiagnosis, StatusWords.Describe(StatusWords.NoPreciseDiagnosis)) { }

    public CardException(string message) : this(StatusWords.NoPreciseDiagnosis, message) { }

    public CardException(string message, Exception innerException) : base(message, innerException) =>
        StatusWord = StatusWords.NoPreciseDiagnosis;

    public CardException(ushort statusWord, string message) : base(message) => StatusWord = statusWord;

    public CardException(ushort statusWord, string message, Exception innerException) : base(message, innerException) =>
        StatusWord = statusWord;

    public ushort StatusWord { get; }

    /// <summary>The status word as four hex digits, e.g. "6983", for logs and complaint tickets.</summary>
    public string StatusWordHex => StatusWord.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}
