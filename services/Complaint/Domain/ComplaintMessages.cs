using System.Globalization;

namespace Bansos.Complaint.Domain;

/// <summary>What operators read when the service says no: Indonesian first, English in parentheses.</summary>
public static class ComplaintMessages
{
    public static string TransitionNotAllowed(ComplaintStatus current, Transition transition) =>
        $"Tiket berstatus {current.Code()}; tidak dapat diubah ke {ComplaintWorkflow.TargetOf(transition).Code()} " +
        $"(the ticket is {current.Code()}; it cannot move to {ComplaintWorkflow.TargetOf(transition).Code()})";

    public static string ReopenWindowPassed(TimeSpan window) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Tiket hanya dapat dibuka kembali dalam {window.TotalDays:0} hari setelah diselesaikan " +
            $"(a ticket can only be reopened within {window.TotalDays:0} days of its resolution)");

    public static string Required(string label) => $"{label} wajib diisi ({label} is required)";

    public static string TooLong(string label, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"{label} paling banyak {max} karakter ({label} has at most {max} characters)");

    public const string CategoryUnknown = "Kategori pengaduan tidak dikenal (unknown complaint category)";

    public const string ChannelUnknown = "Saluran pengaduan tidak dikenal (unknown channel: POSKO, AGENT, PHONE or WEB)";

    public const string HouseholdUnknown = "Keluarga (household id) tidak dikenal (unknown household id)";

    public const string IdFormat = "Bukan id yang sah (not a valid id: a UUID is expected)";

    public const string PhoneFormat = "Nomor telepon tidak sah (phone number: 8-15 digits, may start with +)";

    public const string VillageNotServed =
        "Desa ini tidak termasuk wilayah tugas Anda (this village is not one you serve)";

    public const string TerminalVillage =
        "Terminal hanya dapat mengajukan pengaduan untuk desa titik penyalurannya (a terminal files only for the village of its distribution point)";

    public const string ReadOnly = "Auditor hanya dapat membaca (auditors have read-only access)";

    public const string NotFound = "Pengaduan tidak ditemukan (complaint not found)";

    public const string HouseholdOtherVillage =
        "Keluarga ini terdaftar di desa lain (this household is registered in another village)";
}
