namespace Bansos.PcSc;

/// <summary>Context scope (SCARD_SCOPE_*). pcsc-lite ignores it; winscard honours it.</summary>
public enum PcScScope
{
    User = 0,
    System = 2,
}
