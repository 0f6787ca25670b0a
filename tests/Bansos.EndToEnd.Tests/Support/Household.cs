namespace Bansos.EndToEnd.Tests.Support;

/// <summary>A household the test imported through the gateway, with the aid card the registry issued it.</summary>
public sealed record Household(string Id, string HeadName, string VillageCode, string Reference, string CardNumber);
