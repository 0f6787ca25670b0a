namespace Bansos.VirtualCard.Applet;

/// <summary>Where the virtual card keeps its persistent state (the "EEPROM").</summary>
public interface ICardStateStore
{
    /// <summary>The saved state, or null for a card that has never been written (a blank card).</summary>
    CardState? Load();

    /// <summary>Persists <paramref name="state"/> durably before returning; throws on failure.</summary>
    void Save(CardState state);
}
