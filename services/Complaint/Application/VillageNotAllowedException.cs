namespace Bansos.Complaint.Application;

/// <summary>The caller's token does not reach this village, or is read-only (gRPC PERMISSION_DENIED, REST 403).</summary>
public sealed class VillageNotAllowedException(string message) : Exception(message);
