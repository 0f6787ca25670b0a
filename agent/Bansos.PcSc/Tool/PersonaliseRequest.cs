using Bansos.Card;

namespace Bansos.PcSc.Tool;

/// <summary>What <c>personalise</c> was asked to write, checked; the admin token is read from the environment, not the command line.</summary>
internal sealed record PersonaliseRequest(string Reader, CardNumber CardNumber, string Household, string Holder, DateOnly Expiry,
    string Pin, TimeSpan Wait, Uri Payout, string Token);
