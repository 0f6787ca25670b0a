using Bansos.Agent.Messages;
using Bansos.Agent.Receipts;
using Bansos.Protos.Payout.V1;

namespace Bansos.Agent.Session;

/// <summary>The end of one card's session: what happened, in the catalogue's words, and what was paid.</summary>
public sealed record PayoutOutcome(OutcomeKind Kind, Notice Notice)
{
    public bool Paid => Kind == OutcomeKind.Approved;

    public DeclineReason? Reason { get; init; }

    public string? MaskedCard { get; init; }

    public Receipt? Receipt { get; init; }

    public string? ReceiptFile { get; init; }

    /// <summary>For card refusals: whether RecordCardRefusal reached the payout service.</summary>
    public bool? RefusalRecorded { get; init; }

    /// <summary>A second notice where one is not enough (the refusal's fate, a card pulled after sending).</summary>
    public Notice? Note { get; init; }

    public string? PayoutId { get; init; }
}
