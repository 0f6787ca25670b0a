namespace Bansos.Payout.Domain;

/// <summary>The caller is not an enrolled terminal, or the payout belongs to another one (gRPC PERMISSION_DENIED).</summary>
public sealed class TerminalNotAllowedException(string message) : Exception(message);
