namespace Bansos.ServiceDefaults.Tests.Support;

/// <summary>A message whose consumer fails <see cref="Failures"/> times, transiently (a busy database) or for good.</summary>
public sealed record FlakyProbe(string RunId, int Failures, bool Permanent);
