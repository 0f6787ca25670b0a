namespace Bansos.Payout.Domain;

/// <summary>An enrolled agent installation; its id is the cryptogram's 8-byte terminal id.</summary>
public sealed record Terminal(long Id, long PointId, string Label, TerminalStatus Status, DateTimeOffset CreatedAt);
