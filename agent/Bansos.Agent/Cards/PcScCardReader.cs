using Bansos.PcSc;
using Bansos.PcSc.Native;

namespace Bansos.Agent.Cards;

/// <summary>
/// <see cref="ICardReader"/> over pcscd / winscard. Each operation establishes its own context:
/// a context outlives neither a pcscd restart nor, on some drivers, an unplugged reader, and a
/// fresh one costs a local socket round trip.
/// </summary>
public sealed class PcScCardReader(string? configuredReader) : ICardReader
{
    private string? resolved;

    public string Name => resolved ?? configuredReader ?? "?";

    /// <summary>The configured reader if pcscd knows it, else the first reader it lists.</summary>
    private string Resolve(PcScContext context)
    {
        var readers = context.ListReaders();
        if (configuredReader is not null)
            return readers.Contains(configuredReader) ? configuredReader : throw new NoReaderException(ScardError.UnknownReader, configuredReader);
        if (readers.Count == 0) throw new NoReaderException(ScardError.NoReadersAvailable, null);
        // Keep the reader found first while it is still there, so a second reader plugged in later does not take over.
        resolved = resolved is not null && readers.Contains(resolved) ? resolved : readers[0];
        return resolved;
    }

    public async Task WaitForCardAsync(CancellationToken cancellationToken)
    {
        using var context = PcScContext.Establish();
        await context.WaitForCardAsync(Resolve(context), present: true, cancellationToken);
    }

    public async Task WaitForRemovalAsync(CancellationToken cancellationToken)
    {
        using var context = PcScContext.Establish();
        await context.WaitForCardAsync(Resolve(context), present: false, cancellationToken);
    }

    public bool CheckCardPresent()
    {
        using var context = PcScContext.Establish();
        return context.GetStatus(Resolve(context)).CardPresent;
    }

    public bool IsCardPresent()
    {
        try
        {
            return CheckCardPresent();
        }
        catch (PcScException)
        {
            return false;
        }
    }

    public ICardConnection Connect()
    {
        var context = PcScContext.Establish();
        try
        {
            return new Connection(context, context.Connect(Resolve(context)));
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    private sealed class Connection(PcScContext context, PcScCard card) : ICardConnection
    {
        public byte[] Transmit(ReadOnlySpan<byte> command) => card.Transmit(command);

        public IDisposable BeginTransaction() => card.BeginTransaction();

        public void Dispose()
        {
            try
            {
                // Reset ends this session's selection and any PIN verification on the card.
                card.Disconnect(CardDisposition.Reset);
            }
            catch (PcScException)
            {
                card.Dispose();
            }
            context.Dispose();
        }
    }
}
