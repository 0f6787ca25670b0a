namespace Bansos.ServiceDefaults.Tests.Support;

/// <summary>An event for the outbox tests; RunId keeps one test's probes apart from another's on the shared exchange.</summary>
public sealed record OutboxProbe(string RunId, int Number);
