using Bansos.Agent.Cards;
using Bansos.Agent.Messages;
using Bansos.PcSc;

namespace Bansos.Agent.Session;

/// <summary>
/// Waits for a card through whatever happens to the reader meanwhile: pcscd not running, no
/// reader, the reader unplugged and plugged back. Each problem is told once, in plain words, and
/// the wait goes on until a card is in, the wait is over or the operator stops.
/// </summary>
public sealed class CardWaiter(ICardReader reader, IPayoutFace face, PayoutSessionOptions options)
{
    /// <summary>Null when a card is in; otherwise why not.</summary>
    public async Task<PayoutOutcome?> WaitAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.CardWait is { } wait) deadline.CancelAfter(wait);
        var waitingTold = false;
        Msg? told = null;
        Notice? lastProblem = null;
        while (true)
        {
            try
            {
                if (!waitingTold && !reader.IsCardPresent())
                {
                    waitingTold = true;
                    face.Show(Notice.Info(Msg.WaitingForCard, reader.Name));
                }
                await reader.WaitForCardAsync(deadline.Token);
                return null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var seconds = (int)(options.CardWait ?? TimeSpan.Zero).TotalSeconds;
                return new PayoutOutcome(OutcomeKind.ReaderProblem, lastProblem ?? Notice.Error(Msg.TimedOutWaitingForCard, seconds));
            }
            catch (PcScException e)
            {
                var problem = ReaderProblems.For(e, reader.Name);
                lastProblem = problem;
                if (told != problem.Id) face.Show(problem);
                told = problem.Id;
                try
                {
                    await Task.Delay(options.ReaderRetryDelay, deadline.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return new PayoutOutcome(OutcomeKind.ReaderProblem, problem);
                }
            }
        }
    }

    /// <summary>Waits until the card is out (a missing reader counts as out).</summary>
    public async Task WaitForRemovalAsync(CancellationToken cancellationToken)
    {
        if (!reader.IsCardPresent()) return;
        face.Show(Notice.Info(Msg.RemoveCard));
        try
        {
            await reader.WaitForRemovalAsync(cancellationToken);
        }
        catch (PcScException)
        {
            // The reader went away with the card in it: there is no card to wait for any more.
        }
    }
}
