namespace Bansos.Complaint.Domain;

/// <summary>
/// Which payout declines open a ticket by themselves, and what it says: a blocked PIN (the card's
/// own refusal), a blocked, lost or ended card. The decline codes are the payout service's
/// (docs/payout.md). One open automatic ticket per household and category (docs/complaint.md).
/// </summary>
public static class AutomaticTickets
{
    public const string Actor = "system";

    public static ComplaintCategory? CategoryFor(string declineReason) => declineReason switch
    {
        "PIN_BLOCKED" => ComplaintCategory.PinForgottenOrBlocked,
        "CARD_BLOCKED" or "CARD_LOST" or "CARD_ENDED" => ComplaintCategory.CardLostOrBroken,
        _ => null,
    };

    /// <summary>The key that makes a second open automatic ticket for the same household and category impossible.</summary>
    public static string OpenKey(Guid householdId, ComplaintCategory category) => $"{householdId:N}:{category.Code()}";

    /// <summary>The history source of a decline, so a decline noted once is never noted twice.</summary>
    public static string SourceOf(Guid payoutId) => $"payout:{payoutId:N}";

    public static string SourceOfCard(Guid cardId, long version) => $"card:{cardId:N}:{version}";

    public static string Description(string declineReason, long terminalId) =>
        $"Otomatis: pembayaran ditolak dengan alasan {declineReason} di terminal {terminalId}. Bantu keluarga ini " +
        $"(automatic: a payout was declined with reason {declineReason} at terminal {terminalId}; help this household).";

    public static string DeclineNote(string declineReason, long terminalId, DateTimeOffset at) =>
        $"Penolakan lagi: {declineReason} di terminal {terminalId} pada {at.ToOffset(Wib.Offset):yyyy-MM-dd HH:mm} WIB " +
        $"(declined again: {declineReason} at terminal {terminalId})";

    public const string CardReplacedNote =
        "Kartu keluarga ini sudah diganti dengan kartu baru di registri (the household's card was replaced in the registry)";
}
