using System.Security.Cryptography;

namespace Bansos.Payout.Domain;

/// <summary>
/// The code printed on a receipt: six characters without look-alikes (no 0/O, 1/I/L), easy to
/// read out over the phone to a posko. A reference for people; the payout id is the key.
/// </summary>
public static class ApprovalCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 6;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);
}
