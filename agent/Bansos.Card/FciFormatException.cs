namespace Bansos.Card;

/// <summary>Well-formed TLV that is still not a valid FCI of this profile (missing or bad fields, other AID).</summary>
public sealed class FciFormatException : CardDataFormatException
{
    public FciFormatException() { }

    public FciFormatException(string message) : base(message) { }

    public FciFormatException(string message, Exception innerException) : base(message, innerException) { }
}
