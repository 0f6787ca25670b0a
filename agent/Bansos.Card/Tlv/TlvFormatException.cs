namespace Bansos.Card.Tlv;

/// <summary>BER-TLV bytes that are truncated, overlong or otherwise malformed.</summary>
public sealed class TlvFormatException : CardDataFormatException
{
    public TlvFormatException() { }

    public TlvFormatException(string message) : base(message) { }

    public TlvFormatException(string message, Exception innerException) : base(message, innerException) { }
}
