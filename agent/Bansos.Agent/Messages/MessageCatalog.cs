using System.Globalization;
using Bansos.Card.Apdu;
using Bansos.Protos.Payout.V1;

namespace Bansos.Agent.Messages;

/// <summary>
/// The one catalogue of what the agent says: plain words, what happened and what to do next,
/// Indonesian first and English on request. No stack trace, exception name or status word ever
/// reaches the operator; a test holds every message, decline reason and card status word to it.
/// </summary>
public static class MessageCatalog
{
    private static readonly Dictionary<Msg, Text> Messages = new()
    {
        [Msg.WaitingForCard] = new("Masukkan kartu bansos ke pembaca \"{0}\".", "Insert the aid card into reader \"{0}\"."),
        [Msg.ReadingCard] = new("Membaca kartu, jangan dicabut…", "Reading the card, do not remove it…"),
        [Msg.CheckingEntitlements] = new("Memeriksa hak bantuan kartu ini…", "Checking this card's entitlements…"),
        [Msg.AskingApproval] = new("Meminta persetujuan pembayaran…", "Asking for the payout's approval…"),
        [Msg.NoReader] = new("Tidak ada pembaca kartu yang terpasang. Pasang pembaca kartu ke komputer; agen menunggu.",
            "No card reader is connected. Plug a card reader into this computer; the agent is waiting."),
        [Msg.ReaderNotFound] = new("Pembaca kartu \"{0}\" tidak ada. Pasang pembaca itu atau pilih pembaca lain (bansos-agent readers).",
            "Card reader \"{0}\" is not there. Plug it in or choose another reader (bansos-agent readers)."),
        [Msg.ReaderRemoved] = new("Pembaca kartu terlepas. Pasang kembali; agen menunggu dan melanjutkan sendiri.",
            "The card reader was unplugged. Plug it back in; the agent waits and carries on by itself."),
        [Msg.PcscNotRunning] = new("Layanan kartu pintar (pcscd) tidak berjalan. Jalankan layanan itu (Linux: sudo systemctl start pcscd); agen mencoba lagi.",
            "The smart card service (pcscd) is not running. Start it (Linux: sudo systemctl start pcscd); the agent tries again."),
        [Msg.CardInUse] = new("Kartu sedang dipakai aplikasi lain. Tutup aplikasi itu, lalu masukkan kartu lagi.",
            "The card is in use by another program. Close that program, then insert the card again."),
        [Msg.TimedOutWaitingForCard] = new("Tidak ada kartu setelah {0} detik. Masukkan kartu lalu ulangi.",
            "No card after {0} seconds. Insert the card and try again."),
        [Msg.CardRemovedNothingPaid] = new("Kartu dicabut sebelum pembayaran dikirim. Tidak ada uang yang dibayarkan; masukkan kartu lagi untuk mengulang.",
            "The card was removed before the payout was sent. Nothing was paid; insert the card again to start over."),
        [Msg.CardRemovedAfterSend] = new("Kartu sudah dicabut, tetapi pembayaran sudah dikirim dan dijawab; hasilnya di bawah ini.",
            "The card was removed, but the payout had been sent and was answered; the result is below."),
        [Msg.RemoveCard] = new("Silakan cabut kartu.", "Please remove the card."),
        [Msg.NotBansosCard] = new("Kartu ini bukan kartu bansos. Minta penerima menunjukkan kartu bansosnya.",
            "This is not an aid card. Ask the beneficiary for their aid card."),
        [Msg.CardBlank] = new("Kartu ini masih kosong (belum dipersonalisasi). Kirim kartu ke posko untuk diisi.",
            "This card is blank (not personalised). Send it to the posko to be personalised."),
        [Msg.CardUnreadable] = new("Kartu tidak bisa dibaca. Bersihkan kartu dan masukkan lagi; bila tetap gagal, arahkan penerima ke posko.",
            "The card cannot be read. Clean it and insert it again; if it still fails, send the beneficiary to the posko."),
        [Msg.PinBlocked] = new("PIN terblokir. Arahkan penerima ke posko untuk membuka blokir.",
            "The PIN is blocked. Send the beneficiary to the posko to have it unblocked."),
        [Msg.CardEnded] = new("Kartu tidak bisa dipakai lagi. Arahkan penerima ke posko untuk kartu pengganti.",
            "The card cannot be used any more. Send the beneficiary to the posko for a replacement card."),
        [Msg.WrongPin] = new("PIN salah, sisa {0} kali percobaan. Minta penerima mengetik PIN lagi dengan teliti.",
            "Wrong PIN, {0} tries left. Ask the beneficiary to type the PIN again carefully."),
        [Msg.PinNotEntered] = new("PIN tidak dimasukkan. Transaksi dibatalkan; tidak ada uang yang dibayarkan.",
            "No PIN was entered. The transaction is cancelled; nothing was paid."),
        [Msg.PinFormat] = new("PIN harus 6 angka. Ketik lagi.", "The PIN must be 6 digits. Type it again."),
        [Msg.CardCannotSign] = new("Kartu tidak bisa menyetujui transaksi lagi (batas transaksi kartu tercapai). Arahkan penerima ke posko untuk kartu pengganti.",
            "The card cannot approve transactions any more (its transaction limit is reached). Send the beneficiary to the posko for a replacement card."),
        [Msg.RefusalRecorded] = new("Penolakan kartu sudah dicatat; posko akan menerima tiket pengaduannya.",
            "The card's refusal is recorded; the posko will get a complaint ticket for it."),
        [Msg.RefusalNotAvailable] = new("Layanan belum bisa mencatat penolakan kartu secara otomatis. Laporkan kejadian ini ke posko.",
            "The service cannot record card refusals automatically yet. Report this to the posko."),
        [Msg.RefusalNotRecorded] = new("Penolakan kartu belum tercatat karena gateway tidak terjangkau. Laporkan kejadian ini ke posko.",
            "The card's refusal could not be recorded because the gateway is unreachable. Report this to the posko."),

        [Msg.GatewayUnreachable] = new("Gateway tidak terjangkau. Periksa sambungan jaringan, lalu coba lagi.",
            "The gateway cannot be reached. Check the network connection, then try again."),
        [Msg.GatewayUnreachableRetrying] = new("Gateway tidak terjangkau (percobaan ke-{0}). Pembayaran belum dijawab; agen mengulang dengan kunci yang sama, jadi tidak akan terbayar dua kali.",
            "The gateway cannot be reached (attempt {0}). The payout is not answered yet; the agent retries with the same key, so nothing is paid twice."),
        [Msg.GatewayTimeout] = new("Gateway tidak menjawab tepat waktu. Periksa sambungan jaringan, lalu coba lagi.",
            "The gateway did not answer in time. Check the network connection, then try again."),
        [Msg.NotAuthorised] = new("Terminal ini tidak diizinkan (belum terdaftar, dinonaktifkan, atau sertifikatnya tidak sah). Hubungi admin posko.",
            "This terminal is not allowed (not enrolled, disabled, or its certificate is not valid). Contact the posko admin."),
        [Msg.ServiceRefused] = new("Layanan menolak permintaan ini: {0}", "The service refused this request: {0}"),
        [Msg.ServiceError] = new("Layanan sedang bermasalah. Coba lagi sebentar lagi; bila terus terjadi, hubungi admin.",
            "The service has a problem. Try again shortly; if it keeps happening, contact the admin."),
        [Msg.PendingResolving] = new("Menanyakan hasil pembayaran sebelumnya yang belum terjawab ({0}, kartu {1})…",
            "Asking for the result of an earlier payout that was not answered ({0}, card {1})…"),
        [Msg.PendingLeft] = new("Pembayaran sudah dikirim tetapi belum dijawab. Jangan bayar ulang: jalankan agen lagi saat jaringan kembali, agen menanyakan hasilnya sendiri.",
            "The payout was sent but not answered yet. Do not pay again: run the agent again when the network is back; it asks for the result by itself."),
        [Msg.ClockSkew] = new("Jam komputer ini selisih {0} menit dari server. Betulkan tanggal dan jam komputer (waktu di struk memakai jam server).",
            "This computer's clock is {0} minutes off the server's. Correct the computer's date and time (receipts use the server's time)."),
        [Msg.ClockOk] = new("Jam komputer sesuai dengan server (selisih {0} detik).", "The computer's clock matches the server (off by {0} seconds)."),
        [Msg.CardHolder] = new("Kartu {0} atas nama {1}.", "Card {0} held by {1}."),
        [Msg.NoEntitlementToPay] = new("Tidak ada hak bantuan yang bisa dibayarkan untuk kartu ini sekarang.",
            "There is no entitlement that can be paid for this card now."),
        [Msg.BalanceUsedUp] = new("Saldo bantuan kartu ini sudah habis untuk periode yang terbuka. Tidak ada yang bisa dibayarkan.",
            "This card's aid balance is used up for the open periods. There is nothing to pay."),
        [Msg.AmountAboveBalance] = new("Jumlah {0} melebihi sisa saldo {1}. Pembayaran ditolak; masukkan jumlah paling banyak {1}.",
            "{0} is more than the remaining balance of {1}. The payout is declined; enter at most {1}."),
        [Msg.AmountInvalid] = new("Jumlah harus angka rupiah lebih dari nol, misalnya 200.000.", "The amount must be rupiah above zero, for example 200.000."),
        [Msg.ChooseEntitlement] = new("Pilih bantuan yang dibayarkan:", "Choose the aid to pay:"),
        [Msg.EnterAmount] = new("Jumlah (Rp, paling banyak {0})", "Amount (Rp, at most {0})"), // the prompt adds " (default): "
        [Msg.EnterPin] = new("Penerima mengetik PIN (6 angka, tersembunyi):", "The beneficiary types the PIN (6 digits, hidden):"),
        [Msg.Approved] = new("Pembayaran disetujui: {0}. Kode persetujuan {1}.", "Payout approved: {0}. Approval code {1}."),
        [Msg.Declined] = new("Pembayaran ditolak. {0}", "Payout declined. {0}"),
        [Msg.ReceiptSaved] = new("Struk disimpan di {0}; siap dicetak.", "Receipt saved to {0}, ready to print."),
        [Msg.Cancelled] = new("Transaksi dibatalkan; tidak ada uang yang dibayarkan.", "Transaction cancelled; nothing was paid."),
        [Msg.TrainingBanner] = new("MODE PELATIHAN — bukan transaksi sungguhan", "TRAINING MODE — not a real transaction"),
        [Msg.Reversed] = new("Pembayaran {0} dibatalkan; {1} kembali ke saldo (sisa saldo {2}).",
            "Payout {0} reversed; {1} returned to the balance (balance now {2})."),
        [Msg.NothingToReverse] = new("Tidak ada pembayaran hari ini yang bisa dibatalkan.", "There is no payout of today that can be reversed."),
        [Msg.ReverseReasonInvalid] = new("Alasan pembatalan harus 3 sampai 200 huruf.", "The reversal reason must be 3 to 200 characters."),
        [Msg.NoTransactions] = new("Belum ada transaksi pada {0}.", "No transactions on {0}."),
        [Msg.ComplaintNotAvailable] = new("Pengaduan belum bisa dibuat dari agen ini (layanan pengaduan belum tersedia). Catat pengaduan di buku posko.",
            "Complaints cannot be filed from this agent yet (the complaint service is not available). Write the complaint in the posko's book."),

        [Msg.NotEnrolled] = new("Agen ini belum didaftarkan. Jalankan 'bansos-agent enroll' dengan kode dari admin.",
            "This agent is not enrolled. Run 'bansos-agent enroll' with the code from the admin."),
        [Msg.TokenMissing] = new("Alamat {0} tanpa TLS memerlukan token di variabel BANSOS_AGENT_TOKEN atau berkas BANSOS_AGENT_TOKEN_FILE.",
            "Address {0} without TLS needs a token in the BANSOS_AGENT_TOKEN variable or the BANSOS_AGENT_TOKEN_FILE file."),
        [Msg.AddressInvalid] = new("Alamat gateway \"{0}\" tidak sah. Contoh: https://gateway.posko:5443", "Gateway address \"{0}\" is not valid. Example: https://gateway.posko:5443"),
        [Msg.CertificateExpired] = new("Sertifikat terminal kedaluwarsa pada {0}. Daftarkan ulang dengan kode baru dari admin.",
            "The terminal certificate expired on {0}. Enrol again with a new code from the admin."),
        [Msg.CertificateRenewed] = new("Sertifikat terminal diperbarui; berlaku sampai {0}.", "The terminal certificate was renewed; valid until {0}."),
        [Msg.CertificateRenewFailed] = new("Sertifikat terminal berakhir {0} dan belum bisa diperbarui; agen mencoba lagi nanti.",
            "The terminal certificate ends on {0} and could not be renewed yet; the agent tries again later."),
        [Msg.Enrolled] = new("Terminal {0} terdaftar; sertifikat berlaku sampai {1}.", "Terminal {0} enrolled; certificate valid until {1}."),
        [Msg.EnrolmentCodeMissing] = new("Kode pendaftaran kosong. Ketik kode dari admin (bukan di baris perintah).",
            "The enrolment code is empty. Type the code from the admin (not on the command line)."),
        [Msg.EnrolmentRefused] = new("Kode pendaftaran ditolak (salah, sudah dipakai, atau kedaluwarsa). Minta kode baru dari admin.",
            "The enrolment code was refused (wrong, already used, or expired). Ask the admin for a new code."),
        [Msg.EnrolmentNotAvailable] = new("Gateway ini belum melayani pendaftaran terminal. Hubungi admin.",
            "This gateway does not offer terminal enrolment yet. Contact the admin."),
        [Msg.AlreadyEnrolled] = new("Agen ini sudah terdaftar sebagai terminal {0}. Pakai --force untuk mendaftar ulang.",
            "This agent is already enrolled as terminal {0}. Use --force to enrol again."),
        [Msg.DataFolderProblem] = new("Folder data agen \"{0}\" tidak bisa dipakai: {1}. Periksa izin folder itu.",
            "The agent's data folder \"{0}\" cannot be used: {1}. Check that folder's permissions."),
        [Msg.BadCommandLine] = new("Perintah tidak lengkap atau salah: {0}. Lihat 'bansos-agent --help'.",
            "The command is incomplete or wrong: {0}. See 'bansos-agent --help'."),
        [Msg.UnexpectedProblem] = new("Terjadi masalah yang tidak terduga. Ulangi; bila terus terjadi, hubungi admin dan sebutkan waktu kejadian.",
            "Something unexpected went wrong. Try again; if it keeps happening, contact the admin and say when it happened."),

        [Msg.LabelPoint] = new("Titik layanan", "Service point"),
        [Msg.LabelTerminal] = new("Terminal", "Terminal"),
        [Msg.LabelTime] = new("Waktu", "Time"),
        [Msg.LabelCard] = new("Kartu", "Card"),
        [Msg.LabelHolder] = new("Pemegang", "Holder"),
        [Msg.LabelHousehold] = new("Keluarga", "Household"),
        [Msg.LabelPeriod] = new("Periode", "Period"),
        [Msg.LabelProgramme] = new("Program", "Programme"),
        [Msg.LabelAmount] = new("Jumlah", "Amount"),
        [Msg.LabelBalance] = new("Sisa saldo", "Balance"),
        [Msg.LabelBalanceAfter] = new("Sisa saldo", "Balance after"),
        [Msg.LabelApprovalCode] = new("Kode persetujuan", "Approval code"),
        [Msg.LabelPayoutId] = new("No. transaksi", "Transaction no."),
        [Msg.LabelResult] = new("Hasil", "Result"),
        [Msg.LabelReader] = new("Pembaca kartu", "Card reader"),
        [Msg.LabelGateway] = new("Gateway", "Gateway"),
        [Msg.LabelCertificate] = new("Sertifikat", "Certificate"),
        [Msg.LabelClock] = new("Jam", "Clock"),
        [Msg.ReceiptTitle] = new("STRUK PENYALURAN BANSOS", "AID PAYOUT RECEIPT"),
        [Msg.ResultApproved] = new("disetujui", "approved"),
        [Msg.ResultDeclined] = new("ditolak", "declined"),
        [Msg.ResultReversed] = new("dibatalkan", "reversed"),
        [Msg.StatusReachable] = new("terjangkau, terminal {0}", "reachable, terminal {0}"),
        [Msg.StatusUnreachable] = new("tidak terjangkau", "unreachable"),
        [Msg.StatusCardPresent] = new("ada kartu", "card present"),
        [Msg.StatusReaderEmpty] = new("kosong", "empty"),
        [Msg.StatusValidUntil] = new("berlaku sampai {0}", "valid until {0}"),
        [Msg.StatusNoCertificate] = new("belum ada (belum terdaftar)", "none (not enrolled)"),
        [Msg.StatusDevelopmentToken] = new("tanpa TLS, token pengembangan", "no TLS, development token"),
        [Msg.SettlementApproved] = new("Disetujui", "Approved"),
        [Msg.SettlementReversed] = new("Dibatalkan", "Reversed"),
        [Msg.SettlementDeclined] = new("Ditolak", "Declined"),
        [Msg.SettlementNet] = new("Bersih (diganti ke toko)", "Net (reimbursed to the shop)"),
    };

    /// <summary>Each decline reason with the next step; Indonesian first.</summary>
    private static readonly Dictionary<DeclineReason, Text> Declines = new()
    {
        [DeclineReason.Unspecified] = new("Alasan tidak disebutkan. Ulangi transaksi; bila terus ditolak, hubungi admin.",
            "No reason was given. Try again; if it keeps being declined, contact the admin."),
        [DeclineReason.CardBlocked] = new("Kartu diblokir. Arahkan penerima ke posko.", "The card is blocked. Send the beneficiary to the posko."),
        [DeclineReason.CardLost] = new("Kartu dilaporkan hilang. Tahan kartu dan arahkan pembawanya ke posko.",
            "The card was reported lost. Keep the card and send its bearer to the posko."),
        [DeclineReason.CardReplaced] = new("Kartu ini sudah diganti kartu baru. Minta penerima memakai kartu yang baru.",
            "This card has been replaced. Ask the beneficiary to use the new card."),
        [DeclineReason.HouseholdNotActive] = new("Keluarga penerima tidak aktif. Arahkan penerima ke posko untuk memeriksa datanya.",
            "The household is not active. Send the beneficiary to the posko to check their record."),
        [DeclineReason.NoOpenEntitlement] = new("Tidak ada hak bantuan yang terbuka untuk keluarga ini sekarang. Tidak ada yang bisa dibayarkan.",
            "The household has no open entitlement now. There is nothing to pay."),
        [DeclineReason.InsufficientBalance] = new("Saldo bantuan tidak cukup untuk jumlah ini. Bayarkan paling banyak sisa saldonya.",
            "The balance is not enough for this amount. Pay at most the remaining balance."),
        [DeclineReason.BadCryptogram] = new("Tanda tangan kartu tidak sah. Ulangi sekali; bila ditolak lagi, arahkan penerima ke posko.",
            "The card's signature is not valid. Try once more; if declined again, send the beneficiary to the posko."),
        [DeclineReason.ReplayedAtc] = new("Kartu mengirim transaksi yang sudah pernah dipakai. Ulangi transaksi; bila ditolak lagi, arahkan penerima ke posko.",
            "The card sent a transaction that was already used. Try again; if declined again, send the beneficiary to the posko."),
        [DeclineReason.ChallengeUnknown] = new("Transaksi tidak dikenali layanan. Ulangi dari awal.", "The service did not recognise the transaction. Start again."),
        [DeclineReason.ChallengeExpired] = new("Waktu transaksi habis. Ulangi dari awal, sedikit lebih cepat.", "The transaction timed out. Start again, a little faster."),
        [DeclineReason.ChallengeUsed] = new("Transaksi ini sudah diproses sebelumnya. Ulangi dari awal bila masih perlu.",
            "This transaction was already processed. Start again if it is still needed."),
        [DeclineReason.ChallengeOtherTerminal] = new("Transaksi dimulai di terminal lain. Ulangi dari awal di terminal ini.",
            "The transaction was started at another terminal. Start again at this terminal."),
        [DeclineReason.TerminalDisabled] = new("Terminal ini dinonaktifkan. Hubungi admin posko.", "This terminal is disabled. Contact the posko admin."),
        [DeclineReason.OutsidePeriodWindow] = new("Hari ini di luar masa penyaluran periode bantuan. Minta penerima datang pada masa penyaluran.",
            "Today is outside the period's payout window. Ask the beneficiary to come during the payout window."),
        [DeclineReason.InvalidAmount] = new("Jumlah tidak sah. Masukkan jumlah rupiah lebih dari nol.", "The amount is not valid. Enter rupiah above zero."),
        [DeclineReason.PinBlocked] = new("PIN terblokir. Arahkan penerima ke posko untuk membuka blokir.",
            "The PIN is blocked. Send the beneficiary to the posko to have it unblocked."),
        [DeclineReason.CardEnded] = new("Kartu tidak bisa dipakai lagi. Arahkan penerima ke posko untuk kartu pengganti.",
            "The card cannot be used any more. Send the beneficiary to the posko for a replacement card."),
        [DeclineReason.CardUnreadable] = new("Kartu tidak bisa dibaca. Arahkan penerima ke posko untuk memeriksa kartunya.",
            "The card cannot be read. Send the beneficiary to the posko to have the card checked."),
        [DeclineReason.NotBansosCard] = new("Kartu ini bukan kartu bansos. Minta penerima menunjukkan kartu bansosnya.",
            "This is not an aid card. Ask the beneficiary for their aid card."),
    };

    /// <summary>What a status word from the card means for the operator (all the profile's words, by exact value or family).</summary>
    private static readonly Dictionary<ushort, Text> StatusWordTexts = new()
    {
        [StatusWords.Success] = new("Kartu menerima perintah.", "The card accepted the command."),
        [StatusWords.WrongPinBase] = new("PIN salah tiga kali, PIN sekarang terblokir. Arahkan penerima ke posko untuk membuka blokir.",
            "Wrong PIN three times; the PIN is now blocked. Send the beneficiary to the posko to have it unblocked."),
        [StatusWords.MemoryFailure] = new("Kartu gagal menyimpan datanya; tidak ada yang berubah. Masukkan kartu lagi dan ulangi.",
            "The card could not save its data; nothing changed. Insert the card again and retry."),
        [StatusWords.WrongLength] = new("Kartu menolak perintah dari agen. Perbarui agen; bila tetap gagal, hubungi admin.",
            "The card refused the agent's command. Update the agent; if it still fails, contact the admin."),
        [StatusWords.SecurityStatusNotSatisfied] = new("PIN belum diverifikasi. Ulangi transaksi dan minta penerima mengetik PIN.",
            "The PIN was not verified. Start again and ask the beneficiary to type the PIN."),
        [StatusWords.AuthenticationMethodBlocked] = new("PIN terblokir. Arahkan penerima ke posko untuk membuka blokir.",
            "The PIN is blocked. Send the beneficiary to the posko to have it unblocked."),
        [StatusWords.ConditionsNotSatisfied] = new("Kartu belum siap atau sudah mencapai batas transaksi. Arahkan penerima ke posko.",
            "The card is not ready or has reached its transaction limit. Send the beneficiary to the posko."),
        [StatusWords.IncorrectData] = new("Kartu menolak data dari agen. Ulangi; bila tetap gagal, hubungi admin.",
            "The card refused the agent's data. Try again; if it still fails, contact the admin."),
        [StatusWords.FileNotFound] = new("Kartu ini bukan kartu bansos. Minta penerima menunjukkan kartu bansosnya.",
            "This is not an aid card. Ask the beneficiary for their aid card."),
        [StatusWords.IncorrectP1P2] = new("Kartu menolak perintah dari agen. Perbarui agen; bila tetap gagal, hubungi admin.",
            "The card refused the agent's command. Update the agent; if it still fails, contact the admin."),
        [StatusWords.InsNotSupported] = new("Kartu ini tidak mengenal perintah kartu bansos. Minta penerima menunjukkan kartu bansosnya.",
            "This card does not know the aid card's commands. Ask the beneficiary for their aid card."),
        [StatusWords.ClaNotSupported] = new("Kartu ini tidak mengenal perintah kartu bansos. Minta penerima menunjukkan kartu bansosnya.",
            "This card does not know the aid card's commands. Ask the beneficiary for their aid card."),
        [StatusWords.NoPreciseDiagnosis] = new("Kartu mengalami kesalahan di dalamnya. Masukkan lagi; bila tetap gagal, arahkan penerima ke posko.",
            "The card had an internal error. Insert it again; if it still fails, send the beneficiary to the posko."),
        [StatusWords.BytesAvailableBase] = new("Jawaban kartu tidak lengkap. Masukkan kartu lagi dan ulangi.", "The card's answer was incomplete. Insert the card again and retry."),
        [StatusWords.WrongLeBase] = new("Jawaban kartu tidak lengkap. Masukkan kartu lagi dan ulangi.", "The card's answer was incomplete. Insert the card again and retry."),
    };

    private static readonly Text WrongPinTries = new("PIN salah, sisa {0} kali percobaan. Minta penerima mengetik PIN lagi dengan teliti.",
        "Wrong PIN, {0} tries left. Ask the beneficiary to type the PIN again carefully.");

    private static readonly Text UnknownStatusWord = new("Kartu menolak perintah. Masukkan kartu lagi; bila tetap gagal, arahkan penerima ke posko.",
        "The card refused the command. Insert it again; if it still fails, send the beneficiary to the posko.");

    public static IReadOnlyDictionary<Msg, Text> All => Messages;

    public static Text Get(Msg id) => Messages.TryGetValue(id, out var text) ? text : throw new KeyNotFoundException($"No text for message {id}.");

    public static string Render(Notice notice, Language language) => Format(Get(notice.Id).In(language), notice.Args);

    public static string Render(Msg id, Language language, params object[] args) => Format(Get(id).In(language), args);

    /// <summary>The decline text with its next step; an unknown future value falls back to "no reason given".</summary>
    public static Text Decline(DeclineReason reason) => Declines.TryGetValue(reason, out var text) ? text : Declines[DeclineReason.Unspecified];

    public static bool HasDecline(DeclineReason reason) => Declines.ContainsKey(reason);

    /// <summary>The operator's text for a card status word; 63Cx with tries left says how many.</summary>
    public static string CardStatus(ushort statusWord, Language language)
    {
        if (StatusWords.TriesLeft(statusWord) is { } tries and > 0) return Format(WrongPinTries.In(language), [tries]);
        if (StatusWordTexts.TryGetValue(statusWord, out var exact)) return exact.In(language);
        var family = (ushort)(statusWord & 0xFF00);
        if (family is StatusWords.BytesAvailableBase or StatusWords.WrongLeBase) return StatusWordTexts[family].In(language);
        return UnknownStatusWord.In(language);
    }

    private static string Format(string template, object[] args) =>
        args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
}
