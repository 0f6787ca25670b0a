namespace Bansos.Card.Apdu;

/// <summary>
/// Something that carries command APDUs to a card and brings back the response APDU (data and
/// the two status bytes). A PC/SC connection, the in-process virtual card and test doubles all
/// implement it, so the profile's logic never knows which reader it talks through.
/// Implementations handle the transport's own quirks (T=0 <c>61xx</c>/<c>6Cxx</c>) themselves.
/// </summary>
public interface ICardChannel
{
    byte[] Transmit(ReadOnlySpan<byte> command);
}
