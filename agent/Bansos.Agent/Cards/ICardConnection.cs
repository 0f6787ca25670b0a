using Bansos.Card.Apdu;

namespace Bansos.Agent.Cards;

/// <summary>A connection to the inserted card; disposing it leaves the card reset for the next reader of it.</summary>
public interface ICardConnection : ICardChannel, IDisposable
{
    /// <summary>Keeps other programs off the card (VERIFY and GENERATE CRYPTOGRAM go together).</summary>
    IDisposable BeginTransaction();
}
