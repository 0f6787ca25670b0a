using Bansos.PcSc.Native;

namespace Bansos.PcSc;

/// <summary>
/// A PC/SC call failed. <see cref="ErrorCode"/> is the SCARD_* code (same numbers on pcsc-lite and
/// winscard); the message is for the operator, Indonesian first with English in parentheses.
/// Subclasses name the failures the agent reacts to differently.
/// </summary>
public class PcScException : Exception
{
    public PcScException(uint errorCode, string message, Exception? inner)
        : base(message, inner) => ErrorCode = errorCode;

    public PcScException(uint errorCode, string operation)
        : this(errorCode, $"Kesalahan pembaca kartu pada {operation}: {ScardError.Name(errorCode)}. (Card reader error in {operation}: {ScardError.Name(errorCode)}.)", null)
    {
    }

    public uint ErrorCode { get; }

    /// <summary>The symbolic name of <see cref="ErrorCode"/>, e.g. <c>SCARD_E_TIMEOUT</c>.</summary>
    public string ErrorName => ScardError.Name(ErrorCode);
}
