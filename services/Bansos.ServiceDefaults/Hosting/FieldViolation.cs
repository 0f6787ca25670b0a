namespace Bansos.ServiceDefaults.Hosting;

/// <summary>One bad input field: its path as the client sent it (e.g. "members[2].nik") and why.</summary>
public sealed record FieldViolation(string Field, string Description);
