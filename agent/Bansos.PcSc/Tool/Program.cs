// bansos-pcsc: talks to an aid card through PC/SC, exactly as the agent will.
//   readers                                         the readers pcscd knows and what is in them
//   read        --reader NAME [--wait SECONDS]      SELECT the application and show the FCI
//   personalise --reader NAME --from JSON|- [--payout URL [--gateway-ca FILE]] [--wait SECONDS]
//               the card's record (number, household, holder, expiry, PIN) from a file or stdin, never argv;
//               K_card from the payout service (admin token in BANSOS_ADMIN_TOKEN[_FILE]); LOCK
// Exit codes: 0 done, 1 the card, reader or service refused, 2 bad command line.
using System.CommandLine;
using Bansos.Card;
using Bansos.PcSc;
using Bansos.PcSc.Tool;

var reader = new Option<string>("--reader") { Description = "Nama pembaca (reader name), e.g. \"Virtual PCD 00 00\"", Required = true };
var wait = new Option<int>("--wait") { Description = "Tunggu kartu sampai DETIK detik (wait up to SECONDS for a card; default 0)" };
wait.Validators.Add(r =>
{
    if (r.GetValueOrDefault<int>() is < 0 or > 3600) r.AddError("--wait harus angka detik 0-3600 (must be 0-3600 seconds)");
});
// Personal data and the PIN in a file or on stdin: a process's arguments are readable by every local user.
var from = new Option<string>("--from")
{
    Description = "Data kartu sebagai JSON, - untuk stdin (the card's record as JSON; - for standard input): " +
        "{ \"cardNumber\", \"householdReference\", \"holderName\", \"expiry\": \"YYYY-MM-DD\" atau/or \"YYMMDD\", \"pin\" }",
    Required = true,
};
var payout = new Option<string>("--payout")
{
    Description = "Alamat gRPC layanan payout atau gateway (payout service or gateway gRPC address)",
    DefaultValueFactory = _ => "http://127.0.0.1:5102",
};
var gatewayCa = new Option<string?>("--gateway-ca")
{
    Description = "Berkas PEM CA gateway untuk alamat https:// (the gateway's CA, PEM, for an https:// address); default: the system's roots",
};

var readersCommand = new Command("readers", "Daftar pembaca (list readers)");
readersCommand.SetAction(_ => Run(() => Task.FromResult(Commands.Readers(Console.Out))));

var readCommand = new Command("read", "Baca kartu (read the card's FCI)") { reader, wait };
readCommand.SetAction(parse => Run(() => Commands.ReadAsync(Console.Out, parse.GetRequiredValue(reader), TimeSpan.FromSeconds(parse.GetValue(wait)))));

var personaliseCommand = new Command("personalise", "Personalisasi kartu kosong lalu kunci; K_card dari layanan payout (personalise a blank card, then lock it; K_card from the payout service)")
{
    reader, from, payout, gatewayCa, wait,
};
personaliseCommand.Aliases.Add("personalize");
personaliseCommand.SetAction((parse, ct) => Run(async () =>
{
    var request = new PersonaliseRequest(
        parse.GetRequiredValue(reader),
        PersonalisationInput.ReadRecord(parse.GetRequiredValue(from), Console.In),
        TimeSpan.FromSeconds(parse.GetValue(wait)),
        PersonalisationInput.ParseAddress(parse.GetRequiredValue(payout)),
        AdminToken.Read(),
        PersonalisationInput.ReadCa(parse.GetValue(gatewayCa)));
    return await Commands.PersonaliseAsync(Console.Out, request, ct);
}));

var root = new RootCommand("bansos-pcsc: kartu bansos lewat PC/SC (the aid card through PC/SC) — docs/virtual-card.md")
{
    readersCommand, readCommand, personaliseCommand,
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0 || args.Length == 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"Perintah salah (bad command line): {error.Message}");
    Console.Error.WriteLine("Pemakaian (usage): bansos-pcsc --help");
    return 2;
}
return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });

static async Task<int> Run(Func<Task<int>> command)
{
    try
    {
        return await command();
    }
    catch (UsageException e)
    {
        Console.Error.WriteLine(e.Message);
        Console.Error.WriteLine("Pemakaian (usage): bansos-pcsc --help");
        return 2;
    }
    catch (Exception e) when (e is PcScException or CardException or TimeoutException or PlatformNotSupportedException or ServiceException)
    {
        Console.Error.WriteLine($"Gagal (failed): {e.Message}");
        return 1;
    }
}
