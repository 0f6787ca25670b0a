using System.Globalization;

namespace Bansos.Registry.Domain;

/// <summary>
/// Every validation and rule error the domain reports, in one place so that codes stay stable and
/// the wording (Indonesian first, English in parentheses) stays consistent.
/// </summary>
public static class DomainErrors
{
    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static ValidationError Required(string field, string label) =>
        new(field, "REQUIRED", $"{label} wajib diisi ({label} is required)");

    public static ValidationError NikLength(string field) =>
        new(field, "NIK_LENGTH", "NIK harus 16 digit (NIK must be 16 digits)");

    public static ValidationError NikDigits(string field) =>
        new(field, "NIK_DIGITS", "NIK hanya boleh berisi angka (NIK must contain digits only)");

    public static ValidationError KkLength(string field) =>
        new(field, "KK_LENGTH", "Nomor KK harus 16 digit (KK number must be 16 digits)");

    public static ValidationError KkDigits(string field) =>
        new(field, "KK_DIGITS", "Nomor KK hanya boleh berisi angka (KK number must contain digits only)");

    public static ValidationError DistrictUnknown(string field, string label, string district) =>
        new(field, "DISTRICT_UNKNOWN",
            $"Kode kecamatan {district} pada {label} tidak ada dalam referensi wilayah " +
            $"(district code {district} in the {label} is not in the area reference)");

    public static ValidationError SerialZero(string field, string label) =>
        new(field, "SERIAL_ZERO",
            $"Nomor urut {label} (digit 13–16) tidak boleh 0000 ({label} serial, digits 13–16, must not be 0000)");

    public static ValidationError NikBirthDateInvalid(string field) =>
        new(field, "NIK_DATE_INVALID",
            "Tanggal lahir dalam NIK (digit 7–12) bukan tanggal yang sah " +
            "(the birth date in the NIK, digits 7–12, is not a real date)");

    public static ValidationError NikSexMismatch(string field) =>
        new(field, "NIK_SEX_MISMATCH",
            "Jenis kelamin tidak sesuai dengan NIK (tanggal +40 untuk perempuan) " +
            "(sex does not match the NIK: day + 40 for women)");

    public static ValidationError NikBirthDateMismatch(string field) =>
        new(field, "NIK_DATE_MISMATCH",
            "Tanggal lahir tidak sesuai dengan NIK (birth date does not match the NIK)");

    public static ValidationError VillageFormat(string field) =>
        new(field, "VILLAGE_FORMAT",
            "Kode desa harus berformat 17.03.12.2003 (village code must look like 17.03.12.2003)");

    public static ValidationError VillageUnknown(string field, string code) =>
        new(field, "VILLAGE_UNKNOWN",
            $"Kode desa {code} tidak ada dalam referensi wilayah (village code {code} is not in the area reference)");

    public static ValidationError SexInvalid(string field) =>
        new(field, "SEX_INVALID", "Jenis kelamin harus L atau P (sex must be L or P)");

    public static ValidationError RelationInvalid(string field) =>
        new(field, "RELATION_INVALID",
            "Hubungan harus KEPALA, ISTRI, SUAMI, ANAK, ORANG_TUA atau LAINNYA " +
            "(relation must be KEPALA, ISTRI, SUAMI, ANAK, ORANG_TUA or LAINNYA)");

    public static ValidationError ProgrammeInvalid(string field) =>
        new(field, "PROGRAMME_INVALID",
            "Program harus SEMBAKO, PKH atau SEMBAKO|PKH (programme must be SEMBAKO, PKH or SEMBAKO|PKH)");

    public static ValidationError StatusInvalid(string field) =>
        new(field, "STATUS_INVALID",
            "Status harus ACTIVE, SUSPENDED atau REMOVED (status must be ACTIVE, SUSPENDED or REMOVED)");

    public static ValidationError CardStatusInvalid(string field) =>
        new(field, "STATUS_INVALID",
            "Status kartu harus ACTIVE, BLOCKED, LOST atau REPLACED (card status must be ACTIVE, BLOCKED, LOST or REPLACED)");

    public static ValidationError RemovalReasonInvalid(string field) =>
        new(field, "REMOVAL_REASON_INVALID",
            "Alasan harus DECEASED, MOVED, INELIGIBLE atau DUPLICATE " +
            "(reason must be DECEASED, MOVED, INELIGIBLE or DUPLICATE)");

    public static ValidationError DesilRange(string field) =>
        new(field, "DESIL_RANGE", "Desil harus angka 1 sampai 10 (desil must be a number from 1 to 10)");

    public static ValidationError DateFormat(string field) =>
        new(field, "DATE_FORMAT",
            "Tanggal lahir harus tanggal sah berformat YYYY-MM-DD (birth date must be a real date as YYYY-MM-DD)");

    public static ValidationError BirthDateInFuture(string field) =>
        new(field, "BIRTH_DATE_FUTURE", "Tanggal lahir tidak boleh di masa depan (birth date must not be in the future)");

    public static ValidationError AgeLimit(string field, int maxAge) =>
        new(field, "AGE_LIMIT", $"Umur lebih dari {S(maxAge)} tahun (age is over {S(maxAge)} years)");

    public static ValidationError TextTooLong(string field, string label, int max) =>
        new(field, "TOO_LONG", $"{label} paling banyak {S(max)} karakter ({label} must be at most {S(max)} characters)");

    public static ValidationError TextInvalidCharacters(string field, string label) =>
        new(field, "INVALID_CHARACTERS",
            $"{label} berisi karakter kontrol atau tidak sah ({label} contains control or invalid characters)");

    public static ValidationError RtRwFormat(string field, string label) =>
        new(field, "RT_RW_FORMAT",
            $"{label} harus 1–3 digit dan bukan 000 ({label} must be 1–3 digits and not 000)");

    public static ValidationError CardNumberLength(string field) =>
        new(field, "CARD_NUMBER_LENGTH", "Nomor kartu harus 16 digit (card number must be 16 digits)");

    public static ValidationError CardNumberDigits(string field) =>
        new(field, "CARD_NUMBER_DIGITS", "Nomor kartu hanya boleh berisi angka (card number must contain digits only)");

    public static ValidationError CardNumberCheckDigit(string field) =>
        new(field, "CARD_NUMBER_CHECK_DIGIT",
            "Digit pemeriksa (Luhn) nomor kartu salah (card number check digit, Luhn, is wrong)");

    public static ValidationError HeadCount(string field, int heads) =>
        new(field, "HEAD_COUNT",
            $"Keluarga harus memiliki tepat satu KEPALA, ditemukan {S(heads)} " +
            $"(a household must have exactly one KEPALA, found {S(heads)})");

    public static ValidationError NoMembers(string field) =>
        new(field, "NO_MEMBERS", "Keluarga harus memiliki anggota (a household must have members)");

    public static ValidationError TooManyMembers(string field, int max) =>
        new(field, "TOO_MANY_MEMBERS",
            $"Keluarga paling banyak {S(max)} anggota (a household has at most {S(max)} members)");

    public static ValidationError NikDuplicateInHousehold(string field) =>
        new(field, "NIK_DUPLICATE_IN_HOUSEHOLD",
            "NIK muncul lebih dari sekali dalam keluarga ini (NIK appears more than once in this household)");

    public static ValidationError NikDuplicateInFile(string field, long firstLine) =>
        new(field, "NIK_DUPLICATE_IN_FILE",
            $"NIK sudah muncul di baris {firstLine.ToString(CultureInfo.InvariantCulture)} " +
            $"(NIK already appeared on line {firstLine.ToString(CultureInfo.InvariantCulture)})");

    public static ValidationError NikDuplicateInFile(string field) =>
        new(field, "NIK_DUPLICATE_IN_FILE",
            "NIK sudah muncul sebelumnya dalam berkas (NIK already appeared earlier in the file)");

    public static ValidationError NikInOtherHousehold(string field) =>
        new(field, "NIK_IN_OTHER_HOUSEHOLD",
            "NIK sudah terdaftar pada keluarga (KK) lain (NIK is already registered in another household)");

    public static ValidationError RelationSexMismatch(string field, string relation, string sex) =>
        new(field, "RELATION_SEX_MISMATCH",
            $"Hubungan {relation} tidak sesuai dengan jenis kelamin {sex} (relation {relation} does not match sex {sex})");

    public static ValidationError KkNotContiguous(string field) =>
        new(field, "KK_NOT_CONTIGUOUS",
            "Baris-baris satu KK harus berurutan; KK ini sudah muncul sebelumnya " +
            "(rows of one KK must be contiguous; this KK appeared earlier)");

    public static ValidationError HouseholdInconsistent(string field, string label, long firstLine) =>
        new(field, "HOUSEHOLD_INCONSISTENT",
            $"{label} berbeda dengan baris pertama KK ini (baris {firstLine.ToString(CultureInfo.InvariantCulture)}) " +
            $"({label} differs from the first row of this KK, line {firstLine.ToString(CultureInfo.InvariantCulture)})");

    public static ValidationError HouseholdRejected(string field) =>
        new(field, "HOUSEHOLD_REJECTED",
            "Keluarga ditolak karena ada kesalahan pada baris lain KK ini " +
            "(household rejected because of errors on other rows of this KK)");

    public static ValidationError LineTooLong(int max) =>
        new("baris", "LINE_TOO_LONG",
            $"Baris lebih dari {S(max)} karakter (line is longer than {S(max)} characters)");

    public static ValidationError ColumnCount(int expected, int actual) =>
        new("baris", "COLUMN_COUNT",
            $"Baris harus memiliki {S(expected)} kolom, ditemukan {S(actual)} " +
            $"(row must have {S(expected)} columns, found {S(actual)})");

    /// <param name="message">The message from <see cref="Import.CsvFields.TrySplit"/>.</param>
    public static ValidationError CsvMalformed(string message) => new("baris", "CSV_MALFORMED", message);

    public static ValidationError FileEmpty() =>
        new("berkas", "FILE_EMPTY", "Berkas kosong (the file is empty)");

    public static ValidationError HeaderInvalid(string expected) =>
        new("berkas", "HEADER_INVALID",
            $"Baris judul harus persis '{expected}' (the header row must be exactly '{expected}')");

    public static ValidationError HouseholdRemoved(string field) =>
        new(field, "HOUSEHOLD_REMOVED",
            "Keluarga sudah dihapus (REMOVED); aktifkan kembali secara eksplisit dulu " +
            "(the household is REMOVED; reinstate it explicitly first)");

    public static ValidationError StatusTransition(string field, string from, string to) =>
        new(field, "STATUS_TRANSITION",
            $"Perubahan status {from} → {to} tidak diizinkan (status change {from} → {to} is not allowed)");

    public static ValidationError KkMismatch(string field) =>
        new(field, "KK_MISMATCH", "Nomor KK tidak sama dengan keluarga yang ada (KK number differs from the household)");

    public static ValidationError HouseholdNotActive(string field) =>
        new(field, "HOUSEHOLD_NOT_ACTIVE",
            "Kartu hanya diterbitkan untuk keluarga berstatus ACTIVE (cards are issued only to ACTIVE households)");

    public static ValidationError CardAlreadyLive(string field) =>
        new(field, "CARD_ALREADY_LIVE",
            "Keluarga ini sudah memiliki kartu aktif atau terblokir; gunakan penggantian kartu " +
            "(this household already has an active or blocked card; replace it instead)");

    public static ValidationError CardNumberInUse(string field) =>
        new(field, "CARD_NUMBER_IN_USE", "Nomor kartu sudah dipakai (card number is already in use)");

    public static ValidationError CardWrongHousehold(string field) =>
        new(field, "CARD_WRONG_HOUSEHOLD", "Kartu bukan milik keluarga ini (card does not belong to this household)");

    public static ValidationError CardAlreadyReplaced(string field) =>
        new(field, "CARD_ALREADY_REPLACED", "Kartu ini sudah diganti (this card has already been replaced)");
}
