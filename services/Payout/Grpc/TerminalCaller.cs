using Bansos.ServiceDefaults.Auth;
using Grpc.Core;

namespace Bansos.Payout.Grpc;

/// <summary>The calling terminal, from its token only (never from a request field).</summary>
internal static class TerminalCaller
{
    public static long IdOf(ICurrentActor actor) =>
        actor.TerminalId is { } id and > 0
            ? id
            : throw new RpcException(new Status(StatusCode.PermissionDenied,
                "Token terminal tanpa terminal_id yang sah (a terminal token with a valid terminal_id is required)."));
}
