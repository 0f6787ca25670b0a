// bansos-pcsc: talks to an aid card through PC/SC, exactly as the agent will.
//   readers                                         the readers pcscd knows and what is in them
//   read        --reader NAME [--wait SECONDS]      SELECT the application and show the FCI
//   personalise --reader NAME --card-number N --household REF --holder NAME --expiry YYMMDD
//               --imk HEX --pin PIN [--wait SECONDS]   personalise a blank card and LOCK it
// Exit codes: 0 done, 1 the card or reader refused, 2 bad command line.
using Bansos.Card;
using Bansos.PcSc;
using Bansos.PcSc.Tool;

const string Usage = """
    Pemakaian (usage): bansos-pcsc <perintah> [opsi]
      readers                                      daftar pembaca (list readers)
      read        --reader NAME [--wait DETIK]     baca kartu (read the card's FCI)
      personalise --reader NAME --card-number 16DIGIT --household REF --holder "NAMA"
                  --expiry YYMMDD --imk 32HEX --pin 6DIGIT [--wait DETIK]
                                                   personalisasi kartu kosong lalu kunci
                                                   (personalise a blank card, then lock it)
    --wait: tunggu kartu dimasukkan sampai DETIK detik (wait up to SECONDS for a card; default 0)
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    var options = CommandLineOptions.Parse(args.AsSpan(1));
    return args[0] switch
    {
        "readers" => Commands.Readers(options),
        "read" => await Commands.ReadAsync(options),
        "personalise" or "personalize" => await Commands.PersonaliseAsync(options),
        _ => throw new UsageException($"Perintah tidak dikenal: {args[0]} (unknown command)"),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (Exception e) when (e is PcScException or CardException or TimeoutException or PlatformNotSupportedException)
{
    Console.Error.WriteLine($"Gagal (failed): {e.Message}");
    return 1;
}
