namespace Bansos.VirtualCard.Applet;

/// <summary>Keeps the state in memory only: for tests and throw-away cards.</summary>
public sealed class InMemoryCardStateStore(CardState? initial = null) : ICardStateStore
{
    public CardState? State { get; private set; } = initial;

    /// <summary>Number of successful saves, so tests can see when the card wrote its memory.</summary>
    public int SaveCount { get; private set; }

    public CardState? Load() => State;

    public void Save(CardState state)
    {
        State = state;
        SaveCount++;
    }
}
