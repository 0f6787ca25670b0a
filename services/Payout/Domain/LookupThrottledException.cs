namespace Bansos.Payout.Domain;

/// <summary>A terminal looked up more cards than its limit allows (gRPC RESOURCE_EXHAUSTED).</summary>
public sealed class LookupThrottledException(string message) : Exception(message);
