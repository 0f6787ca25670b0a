using System.Security.Cryptography.X509Certificates;
using Bansos.Card;

namespace Bansos.PcSc.Tool;

/// <summary>
/// What <c>personalise</c> was asked to write, checked; the admin token is read from the environment, not the command line.
/// <paramref name="GatewayCa"/>: the only root trusted for an https:// address (the gateway's own server CA), else the system's roots.
/// </summary>
internal sealed record PersonaliseRequest(string Reader, PersonalisationFile Record, TimeSpan Wait, Uri Payout, string Token,
    X509Certificate2? GatewayCa = null);
