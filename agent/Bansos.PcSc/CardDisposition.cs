namespace Bansos.PcSc;

/// <summary>What happens to the card when a connection ends (SCARD_LEAVE_CARD, ...).</summary>
public enum CardDisposition
{
    Leave = 0,
    Reset = 1,
    Unpower = 2,
    Eject = 3,
}
