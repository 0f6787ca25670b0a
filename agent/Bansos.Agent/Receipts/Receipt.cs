namespace Bansos.Agent.Receipts;

/// <summary>What the beneficiary takes home after an approved payout.</summary>
public sealed record Receipt(
    string Point,
    long TerminalId,
    DateTimeOffset At,
    string MaskedCard,
    string PeriodCode,
    long Amount,
    long BalanceAfter,
    string ApprovalCode,
    string PayoutId,
    bool Training);
