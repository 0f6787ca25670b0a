namespace Bansos.Registry.Domain;

/// <summary>Why a command was refused, so the host can pick the transport status.</summary>
public enum CommandFailure
{
    /// <summary>The command succeeded (possibly changing nothing).</summary>
    None,

    /// <summary>The input is wrong (gRPC InvalidArgument, HTTP 400).</summary>
    InvalidArgument,

    /// <summary>The input is fine but the current state forbids it (gRPC FailedPrecondition, HTTP 409).</summary>
    FailedPrecondition,
}
