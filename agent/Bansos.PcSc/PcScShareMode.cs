namespace Bansos.PcSc;

/// <summary>How a connection shares the card with other applications (SCARD_SHARE_*).</summary>
public enum PcScShareMode
{
    Exclusive = 1,
    Shared = 2,
    Direct = 3,
}
