using Bansos.Agent.Messages;
using Bansos.PcSc;

namespace Bansos.Agent.Session;

/// <summary>PC/SC failures in the operator's words.</summary>
public static class ReaderProblems
{
    public static Notice For(PcScException e, string reader) => e switch
    {
        PcScServiceUnavailableException => Notice.Error(Msg.PcscNotRunning),
        NoReaderException { Reader: { } name } => Notice.Warning(Msg.ReaderNotFound, name),
        NoReaderException => Notice.Warning(Msg.NoReader),
        ReaderRemovedException => Notice.Warning(Msg.ReaderRemoved),
        SharingViolationException => Notice.Warning(Msg.CardInUse),
        CardRemovedException => Notice.Warning(Msg.CardRemovedNothingPaid),
        _ => Notice.Error(Msg.CardUnreadable),
    };
}
