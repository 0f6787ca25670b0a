namespace Bansos.VirtualCard.Vpcd;

/// <summary>The one-byte control messages vpcd sends to the card (vsmartcard's VPCD_CTRL_*).</summary>
public enum VpcdControl : byte
{
    PowerOff = 0x00,
    PowerOn = 0x01,
    Reset = 0x02,
    GetAtr = 0x04,
}
