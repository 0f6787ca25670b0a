namespace Bansos.Card.Apdu;

/// <summary>A command or response APDU whose bytes do not form a valid short-length APDU.</summary>
public sealed class ApduFormatException : CardDataFormatException
{
    public ApduFormatException() { }

    public ApduFormatException(string message) : base(message) { }

    public ApduFormatException(string message, Exception innerException) : base(message, innerException) { }
}
