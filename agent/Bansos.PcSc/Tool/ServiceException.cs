namespace Bansos.PcSc.Tool;

/// <summary>The payout service could not give the card's data; the message is for the operator (exit code 1).</summary>
internal sealed class ServiceException(string message, Exception inner) : Exception(message, inner);
