namespace Bansos.PcSc;

/// <summary>Transmission protocols (SCARD_PROTOCOL_T0/T1; same values on pcsc-lite and winscard).</summary>
[Flags]
public enum PcScProtocols
{
    None = 0,
    T0 = 1,
    T1 = 2,
    Any = T0 | T1,
}
