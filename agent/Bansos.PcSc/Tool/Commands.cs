using System.Globalization;
using Bansos.Card;
using Bansos.PcSc.Native;

namespace Bansos.PcSc.Tool;

/// <summary>The tool's commands; each returns the process exit code.</summary>
internal static class Commands
{
    public static int Readers(TextWriter output)
    {
        using var context = PcScContext.Establish();
        var readers = context.ListReaders();
        if (readers.Count == 0) throw new NoReaderException(ScardError.NoReadersAvailable, null);
        foreach (var reader in readers)
        {
            var status = context.GetStatus(reader);
            var content = status.CardPresent ? $"kartu ada (card present), ATR {Convert.ToHexString(status.Atr)}" : "kosong (empty)";
            output.WriteLine($"{reader}: {content}");
        }
        return 0;
    }

    public static async Task<int> ReadAsync(TextWriter output, string reader, TimeSpan wait)
    {
        using var context = PcScContext.Establish();
        await WaitForCardAsync(context, reader, wait);
        using var card = context.Connect(reader);
        var fci = new AidCardClient(card).Select();
        output.WriteLine($"Pembaca (reader):              {reader} (T={(card.Protocol == PcScProtocols.T0 ? 0 : 1)}, ATR {Convert.ToHexString(card.GetAtr())})");
        output.WriteLine($"Status:                        {(fci.IsPersonalised ? "dipersonalisasi (personalised)" : "kosong (blank)")}");
        if (fci.IsPersonalised)
        {
            // Masked as the agent shows it: the output ends up in terminals' scrollback and pasted logs.
            output.WriteLine($"Nomor kartu (card number):     {fci.CardNumber?.ToMaskedString()}");
            output.WriteLine($"Pemegang (holder):             {fci.HolderName}");
            output.WriteLine($"Keluarga (household):          {fci.HouseholdReference}");
            output.WriteLine($"Berlaku s.d. (expiry):         {fci.Expiry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            output.WriteLine($"ATC:                           {fci.Atc}");
            output.WriteLine($"Sisa coba PIN (PIN tries):     {fci.PinTriesLeft}");
        }
        // Leave the card powered for the next reader of it, but drop this session's selection.
        card.Disconnect(CardDisposition.Reset);
        return 0;
    }

    /// <summary>Checks the card is blank first, then fetches its data from the payout service, then writes and LOCKs it.</summary>
    public static async Task<int> PersonaliseAsync(TextWriter output, PersonaliseRequest request, CancellationToken cancellationToken)
    {
        using var context = PcScContext.Establish();
        await WaitForCardAsync(context, request.Reader, request.Wait);
        using var card = context.Connect(request.Reader);
        var client = new AidCardClient(card);
        var blank = client.Select();
        if (blank.IsPersonalised)
            throw new CardException(0x6985, $"Kartu sudah dipersonalisasi ({blank.CardNumber?.ToMaskedString()}); hanya kartu kosong yang bisa (card already personalised; only a blank card can be).");
        var issued = await PersonalisationInput.FetchAsync(request.Payout, request.Token, request.GatewayCa, request.Record.CardNumber, cancellationToken);
        var cardKey = issued.CardKey.ToByteArray();
        try
        {
            var data = request.Record.WithCardKey(cardKey);
            // Nobody else may talk to the card between SELECT and LOCK.
            using (card.BeginTransaction())
            {
                var fci = client.Select();
                if (fci.IsPersonalised)
                    throw new CardException(0x6985, "Kartu sudah dipersonalisasi (card already personalised).");
                client.Personalise(data);
                fci = client.Select();
                if (!fci.IsPersonalised || fci.CardNumber != data.CardNumber)
                    throw new CardException(0x6F00, "Kartu tidak menunjukkan data yang baru ditulis (the card does not show the data just written).");
            }
        }
        finally
        {
            Array.Clear(cardKey);
        }
        card.Disconnect(CardDisposition.Reset);
        output.WriteLine($"Kartu {request.Record.CardNumber.ToMaskedString()} dipersonalisasi dan dikunci di \"{request.Reader}\" (personalised and locked).");
        return 0;
    }

    private static async Task WaitForCardAsync(PcScContext context, string reader, TimeSpan wait)
    {
        if (!context.ListReaders().Contains(reader)) throw new NoReaderException(ScardError.UnknownReader, reader);
        if (wait == TimeSpan.Zero) return; // SCardConnect reports a missing card itself
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await context.WaitForCardAsync(reader, present: true, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Tidak ada kartu di \"{reader}\" setelah {wait.TotalSeconds:0} detik (no card in \"{reader}\" after {wait.TotalSeconds:0} s).");
        }
    }
}
