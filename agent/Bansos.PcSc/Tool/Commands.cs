using System.Globalization;
using Bansos.Card;
using Bansos.PcSc.Native;

namespace Bansos.PcSc.Tool;

/// <summary>The tool's commands; each returns the process exit code.</summary>
internal static class Commands
{
    public static int Readers(CommandLineOptions options)
    {
        options.AllowOnly();
        using var context = PcScContext.Establish();
        var readers = context.ListReaders();
        if (readers.Count == 0) throw new NoReaderException(ScardError.NoReadersAvailable, null);
        foreach (var reader in readers)
        {
            var status = context.GetStatus(reader);
            var content = status.CardPresent ? $"kartu ada (card present), ATR {Convert.ToHexString(status.Atr)}" : "kosong (empty)";
            Console.WriteLine($"{reader}: {content}");
        }
        return 0;
    }

    public static async Task<int> ReadAsync(CommandLineOptions options)
    {
        options.AllowOnly("reader", "wait");
        var reader = options.Required("reader");
        var wait = WaitOption(options);
        using var context = PcScContext.Establish();
        await WaitForCardAsync(context, reader, wait);
        using var card = context.Connect(reader);
        var fci = new AidCardClient(card).Select();
        Console.WriteLine($"Pembaca (reader):              {reader} (T={(card.Protocol == PcScProtocols.T0 ? 0 : 1)}, ATR {Convert.ToHexString(card.GetAtr())})");
        Console.WriteLine($"Status:                        {(fci.IsPersonalised ? "dipersonalisasi (personalised)" : "kosong (blank)")}");
        if (fci.IsPersonalised)
        {
            Console.WriteLine($"Nomor kartu (card number):     {fci.CardNumber}");
            Console.WriteLine($"Pemegang (holder):             {fci.HolderName}");
            Console.WriteLine($"Keluarga (household):          {fci.HouseholdReference}");
            Console.WriteLine($"Berlaku s.d. (expiry):         {fci.Expiry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            Console.WriteLine($"ATC:                           {fci.Atc}");
            Console.WriteLine($"Sisa coba PIN (PIN tries):     {fci.PinTriesLeft}");
        }
        // Leave the card powered for the next reader of it, but drop this session's selection.
        card.Disconnect(CardDisposition.Reset);
        return 0;
    }

    public static async Task<int> PersonaliseAsync(CommandLineOptions options)
    {
        options.AllowOnly("reader", "card-number", "household", "holder", "expiry", "imk", "pin", "wait");
        var reader = options.Required("reader");
        var data = PersonalisationInput.Parse(options);
        var wait = WaitOption(options);
        using var context = PcScContext.Establish();
        await WaitForCardAsync(context, reader, wait);
        using var card = context.Connect(reader);
        // Nobody else may talk to the card between SELECT and LOCK.
        using (card.BeginTransaction())
        {
            var client = new AidCardClient(card);
            var fci = client.Select();
            if (fci.IsPersonalised)
                throw new CardException(0x6985, $"Kartu sudah dipersonalisasi ({fci.CardNumber?.ToMaskedString()}); hanya kartu kosong yang bisa (card already personalised; only a blank card can be).");
            client.Personalise(data);
            fci = client.Select();
            if (!fci.IsPersonalised || fci.CardNumber != data.CardNumber)
                throw new CardException(0x6F00, "Kartu tidak menunjukkan data yang baru ditulis (the card does not show the data just written).");
        }
        card.Disconnect(CardDisposition.Reset);
        Console.WriteLine($"Kartu {data.CardNumber.ToMaskedString()} dipersonalisasi dan dikunci di \"{reader}\" (personalised and locked).");
        return 0;
    }

    private static TimeSpan WaitOption(CommandLineOptions options)
    {
        var text = options.Optional("wait");
        if (text is null) return TimeSpan.Zero;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"--wait harus angka detik 0-3600 (must be 0-3600 seconds): {text}");
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
