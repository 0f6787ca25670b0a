namespace Bansos.Complaint.Domain;

/// <summary>What a complaint is about; the numbers match the proto enum, <see cref="ComplaintCodes"/> gives the stored form.</summary>
public enum ComplaintCategory
{
    CardLostOrBroken = 1,
    PinForgottenOrBlocked = 2,
    NotRegistered = 3,
    WrongAmount = 4,
    UnfairAgentCharge = 5,
    WrongRecipient = 6,
    ApplicationHardToUse = 7,
    Other = 8,
}
