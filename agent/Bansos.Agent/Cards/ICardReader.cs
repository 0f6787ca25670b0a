namespace Bansos.Agent.Cards;

/// <summary>
/// The one reader the agent works with. The PC/SC implementation asks pcscd afresh on every call,
/// so a restarted pcscd or a reader plugged back in is simply found again; failures are the
/// typed exceptions of <c>Bansos.PcSc</c> (service not running, no reader, reader removed, card removed).
/// </summary>
public interface ICardReader
{
    /// <summary>The reader's name as the operator sees it (the configured one, or the first pcscd lists).</summary>
    string Name { get; }

    /// <summary>Completes when a card is in the reader.</summary>
    Task WaitForCardAsync(CancellationToken cancellationToken);

    /// <summary>Completes when the reader is empty.</summary>
    Task WaitForRemovalAsync(CancellationToken cancellationToken);

    /// <summary>False also when the reader or pcscd is missing.</summary>
    bool IsCardPresent();

    /// <summary>Whether a card is in; the PC/SC exceptions say why the reader cannot be asked.</summary>
    bool CheckCardPresent();

    /// <summary>Connects to the card in the reader (shared, T=0 or T=1).</summary>
    ICardConnection Connect();
}
