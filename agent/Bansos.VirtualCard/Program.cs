// bansos-vcard: the virtual aid card on the command line.
//   new         --state FILE [--force]       a blank card
//   personalise --state FILE --from JSON     personalise it offline (demos, tests)
//   show        --state FILE                 what the card holds, without secrets
//   insert      --reader 0|1 --state FILE    put it into vpcd's virtual reader until Ctrl+C / SIGTERM
// Exit codes: 0 done, 1 the operation failed, 2 bad command line.
using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Bansos.Card;
using Bansos.Card.Crypto;
using Bansos.VirtualCard.Applet;
using Bansos.VirtualCard.Vpcd;

const string JsonHelp = """
    JSON untuk personalise (for personalise):
      { "cardNumber": "9900170000000011", "householdReference": "KPM-0001", "holderName": "SITI AMINAH",
        "expiry": "2027-12-31", "cardKey": "<32 hex: K_card>", "pin": "123456" }
      ("imk": "<32 hex>" instead of "cardKey" derives K_card from a test IMK; never a production key)
    """;

var state = new Option<string>("--state") { Description = "Berkas kartu (the card's state file)", Required = true };
var force = new Option<bool>("--force") { Description = "Timpa berkas yang ada (overwrite an existing file)" };
var from = new Option<string>("--from") { Description = "Berkas JSON data personalisasi, - untuk stdin (personalisation JSON file; - for standard input)", Required = true };
var reader = new Option<int>("--reader") { Description = "Pembaca virtual 0 atau 1 (virtual reader 0 or 1)", Required = true };
reader.Validators.Add(r =>
{
    if (r.GetValueOrDefault<int>() is < 0 or > 1) r.AddError("--reader harus 0 atau 1 (must be 0 or 1)");
});

var newCommand = new Command("new", "Buat kartu kosong (create a blank card)") { state, force };
newCommand.SetAction(parse => Run(() => Task.FromResult(NewCard(parse.GetRequiredValue(state), parse.GetValue(force)))));
var personaliseCommand = new Command("personalise", "Personalisasi offline (offline personalisation)\n" + JsonHelp) { state, from };
personaliseCommand.Aliases.Add("personalize");
personaliseCommand.SetAction(parse => Run(() => Task.FromResult(Personalise(parse.GetRequiredValue(state), parse.GetRequiredValue(from)))));
var showCommand = new Command("show", "Tampilkan isi kartu tanpa rahasia (show the card, no secrets)") { state };
showCommand.SetAction(parse => Run(() => Task.FromResult(Show(parse.GetRequiredValue(state)))));
var insertCommand = new Command("insert", "Masukkan kartu ke pembaca virtual sampai Ctrl+C (insert the card into the virtual reader until Ctrl+C)") { reader, state };
insertCommand.SetAction(parse => Run(() => InsertAsync(parse.GetRequiredValue(state), parse.GetValue(reader))));

var root = new RootCommand("bansos-vcard: kartu bansos virtual (the virtual aid card) — docs/virtual-card.md")
{
    newCommand, personaliseCommand, showCommand, insertCommand,
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0 || args.Length == 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"Perintah salah (bad command line): {error.Message}");
    Console.Error.WriteLine("Pemakaian (usage): bansos-vcard --help");
    return 2;
}
// Our own SIGINT/SIGTERM handling in insert removes the card cleanly; no termination timeout from the parser.
return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });

static async Task<int> Run(Func<Task<int>> command)
{
    try
    {
        return await command();
    }
    catch (UsageException e)
    {
        Console.Error.WriteLine(e.Message);
        Console.Error.WriteLine("Pemakaian (usage): bansos-vcard --help");
        return 2;
    }
    catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or CardException or VpcdUnavailableException)
    {
        Console.Error.WriteLine($"Gagal (failed): {e.Message}");
        return 1;
    }
}

static int NewCard(string path, bool force)
{
    if (File.Exists(path) && !force)
        throw new IOException($"{path} sudah ada; pakai --force untuk menimpanya ({path} exists; use --force to overwrite it).");
    new JsonFileCardStateStore(path).Save(CardState.Blank);
    Console.WriteLine($"Kartu kosong dibuat (blank card created): {path}");
    return 0;
}

static int Personalise(string path, string from)
{
    var data = ReadPersonalisation(from);
    // Through the applet's own STORE DATA / LOCK, so an offline card is exactly what a reader would have written.
    var applet = AidCardApplet.WithStateFile(path);
    var client = new AidCardClient(new InMemoryCardChannel(applet));
    client.Select();
    client.Personalise(data);
    Console.WriteLine($"Kartu {data.CardNumber.ToMaskedString()} dipersonalisasi dan dikunci (personalised and locked): {path}");
    return 0;
}

static int Show(string path)
{
    if (!File.Exists(path)) throw new IOException($"Berkas kartu tidak ada (card file not found): {path}");
    var state = new JsonFileCardStateStore(path).Load() ?? CardState.Blank;
    Console.WriteLine($"Berkas (file):                 {Path.GetFullPath(path)}");
    Console.WriteLine($"Status:                        {(state.Locked ? "dipersonalisasi, terkunci (personalised, locked)" : state.IsComplete ? "data lengkap, belum dikunci (complete, not locked)" : "kosong (blank)")}");
    // Masked as the agent shows it: the output ends up in terminals' scrollback and pasted logs.
    Console.WriteLine($"Nomor kartu (card number):     {state.CardNumber?.ToMaskedString() ?? "-"}");
    Console.WriteLine($"Pemegang (holder):             {state.HolderName ?? "-"}");
    Console.WriteLine($"Keluarga (household):          {state.HouseholdReference ?? "-"}");
    Console.WriteLine($"Berlaku s.d. (expiry):         {state.Expiry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}");
    Console.WriteLine($"ATC:                           {state.Atc}");
    Console.WriteLine($"Sisa coba PIN (PIN tries):     {state.PinTriesLeft}");
    Console.WriteLine($"Sisa coba PUK (PUK tries):     {state.PukTriesLeft}{(state.IsEnded ? " — kartu berakhir (card ended)" : "")}");
    return 0;
}

static async Task<int> InsertAsync(string path, int reader)
{
    if (!File.Exists(path)) throw new IOException($"Berkas kartu tidak ada; buat dengan 'new' (card file not found; create it with 'new'): {path}");
    var card = new AppletVpcdCard(AidCardApplet.WithStateFile(path));

    using var stop = new CancellationTokenSource();
    using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

    var first = true;
    while (!stop.IsCancellationRequested)
    {
        var host = new VirtualCardHost(card, reader);
        try
        {
            await host.StartAsync(stop.Token);
        }
        catch (VpcdUnavailableException) when (!first)
        {
            // vpcd went away (pcscd restarted): keep trying, as a card left in a reader would come back.
            await DelayAsync(TimeSpan.FromSeconds(1), stop.Token);
            continue;
        }
        catch (OperationCanceledException)
        {
            break;
        }
        if (first) Console.WriteLine($"Kartu dimasukkan ke \"{host.ReaderName}\"; Ctrl+C untuk mencabut (card inserted into \"{host.ReaderName}\"; Ctrl+C removes it)");
        else Console.WriteLine("Tersambung lagi ke pembaca virtual (reconnected to the virtual reader)");
        first = false;
        await Task.WhenAny(host.Contacted, host.Completion, Task.Delay(TimeSpan.FromSeconds(3), stop.Token));
        if (!host.Contacted.IsCompleted && !host.Completion.IsCompleted && !stop.IsCancellationRequested)
            Console.WriteLine("Peringatan: pembaca belum menyapa kartu; mungkin sudah ada kartu lain di pembaca ini (warning: the reader has not polled the card yet; another card may already be in this reader)");
        await Task.WhenAny(host.Completion, Task.Delay(Timeout.Infinite, stop.Token));
        await host.DisposeAsync();
        if (!stop.IsCancellationRequested)
        {
            Console.WriteLine("Pembaca virtual menutup sambungan; mencoba lagi (the virtual reader closed the connection; retrying)");
            await DelayAsync(TimeSpan.FromSeconds(1), stop.Token);
        }
    }
    Console.WriteLine("Kartu dicabut (card removed)");
    return 0;

    void OnSignal(PosixSignalContext context)
    {
        // Handle it ourselves: the card must be removed cleanly (socket closed, state on disk).
        context.Cancel = true;
        stop.Cancel();
    }
}

static async Task DelayAsync(TimeSpan delay, CancellationToken token)
{
    try { await Task.Delay(delay, token); } catch (OperationCanceledException) { }
}

static PersonalisationData ReadPersonalisation(string file)
{
    var record = PersonalisationFile.Read(file, Console.In);
    var imk = record.OptionalText("imk");
    var cardKeyHex = record.OptionalText("cardKey");
    if ((imk is null) == (cardKeyHex is null))
        throw record.Invalid("isi salah satu dari \"imk\" atau \"cardKey\" (give exactly one of \"imk\" or \"cardKey\").");
    var key = Hex16(imk ?? cardKeyHex!, imk is null ? "cardKey" : "imk", file);
    return record.WithCardKey(imk is null ? key : CardKeys.DeriveCardKey(key, record.CardNumber));
}

static byte[] Hex16(string hex, string name, string file)
{
    try
    {
        var bytes = Convert.FromHexString(hex);
        if (bytes.Length == CardKeys.KeyLength) return bytes;
    }
    catch (FormatException)
    {
    }
    throw new InvalidDataException($"{file}: {name} harus 32 digit heksadesimal (must be 32 hex digits).");
}

/// <summary>A mistake on the command line: print it with the usage and exit 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
