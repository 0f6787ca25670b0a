namespace Bansos.Complaint.Data;

/// <summary>Where a page ended (newest first: filing time, then id). Clients only ever see it protected (<c>PageTokens</c>).</summary>
public sealed record ListCursor(DateTimeOffset FiledAt, Guid Id);
