using Bansos.Agent.Cards;
using Bansos.Agent.Messages;
using Bansos.Agent.Session;
using Bansos.Agent.Tests.Support;
using Bansos.Card;
using Bansos.PcSc;

namespace Bansos.Agent.Tests.Unit;

/// <summary>Waiting for a card through pcscd stopping, the reader being unplugged and plugged back.</summary>
public sealed class CardWaiterTests
{
    [Fact]
    public async Task Each_problem_is_told_once_and_the_wait_goes_on_until_the_card_is_in()
    {
        var reader = new Flaky(FakeCardReader.WithCard(CardNumber.Parse("9900170000000011")),
            new PcScServiceUnavailableException(0x8010001D), new PcScServiceUnavailableException(0x8010001D),
            new ReaderRemovedException(0x80100017, "Fake reader"), new NoReaderException(0x8010002E, null));
        var face = new ScriptedFace([], []);

        var outcome = await new CardWaiter(reader, face, new PayoutSessionOptions { ReaderRetryDelay = TimeSpan.Zero })
            .WaitAsync(TestContext.Current.CancellationToken);

        Assert.Null(outcome);
        Assert.Equal([Msg.PcscNotRunning, Msg.ReaderRemoved, Msg.NoReader], face.Notices.Select(n => n.Id).Where(id => id != Msg.WaitingForCard));
    }

    [Fact]
    public async Task A_wait_that_runs_out_names_the_last_problem()
    {
        var reader = new Flaky(new FakeCardReader(null), Enumerable.Repeat<Exception>(new PcScServiceUnavailableException(0x8010001D), 1000).ToArray());
        var face = new ScriptedFace([], []);

        var outcome = await new CardWaiter(reader, face, new PayoutSessionOptions { ReaderRetryDelay = TimeSpan.FromMilliseconds(10), CardWait = TimeSpan.FromMilliseconds(200) })
            .WaitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(OutcomeKind.ReaderProblem, outcome!.Kind);
        Assert.Equal(Msg.PcscNotRunning, outcome.Notice.Id);
    }

    /// <summary>Fails the first waits with the given PC/SC exceptions, then behaves as <paramref name="inner"/>.</summary>
    private sealed class Flaky(FakeCardReader inner, params Exception[] failures) : ICardReader
    {
        private readonly Queue<Exception> failures = new(failures);
        public string Name => inner.Name;
        public Task WaitForCardAsync(CancellationToken cancellationToken) =>
            failures.TryDequeue(out var failure) ? Task.FromException(failure) : inner.WaitForCardAsync(cancellationToken);
        public Task WaitForRemovalAsync(CancellationToken cancellationToken) => inner.WaitForRemovalAsync(cancellationToken);
        public bool IsCardPresent() => failures.Count == 0 && inner.IsCardPresent();
        public bool CheckCardPresent() => IsCardPresent();
        public ICardConnection Connect() => inner.Connect();
    }
}
