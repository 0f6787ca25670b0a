using System.Text.Json;
using Bansos.Card;

namespace Bansos.VirtualCard.Applet;

/// <summary>
/// Keeps the state in a JSON file. Writes go to a temporary file that is flushed to disk and then
/// moved over the old one, so a crash leaves either the old or the new state, never half of one.
/// Bytes are hex so that a developer can read the file; it holds K_card and the PIN block in clear,
/// which is acceptable for a virtual test card only — and why the file is the user's alone (0600).
/// </summary>
public sealed class JsonFileCardStateStore : ICardStateStore
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public JsonFileCardStateStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public CardState? Load()
    {
        if (!File.Exists(Path)) return null;
        StateDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<StateDocument>(File.ReadAllBytes(Path), Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The card state file {Path} is not valid JSON.", e);
        }
        if (document is null) throw new InvalidDataException($"The card state file {Path} is empty.");
        var state = document.ToState(Path);
        state.Validate();
        return state;
    }

    public void Save(CardState state)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var temp = Path + ".tmp";
        File.Delete(temp); // a leftover of a crash keeps its mode: make the file anew, owner-only
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, StateDocument.From(state), Options);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, Path, overwrite: true);
    }

    /// <summary>The file format: plain strings and numbers, version 1.</summary>
    private sealed class StateDocument
    {
        public int FormatVersion { get; set; } = 1;
        public bool Locked { get; set; }
        public string? CardNumber { get; set; }
        public string? HouseholdReference { get; set; }
        public string? HolderName { get; set; }
        public DateOnly? Expiry { get; set; }
        public string? CardKey { get; set; }
        public string? PinBlock { get; set; }
        public int PinTriesLeft { get; set; }
        public int PukTriesLeft { get; set; }
        public int Atc { get; set; }

        public static StateDocument From(CardState s) => new()
        {
            Locked = s.Locked,
            CardNumber = s.CardNumber?.Digits,
            HouseholdReference = s.HouseholdReference,
            HolderName = s.HolderName,
            Expiry = s.Expiry,
            CardKey = s.CardKey is null ? null : Convert.ToHexString(s.CardKey),
            PinBlock = s.PinBlock is null ? null : Convert.ToHexString(s.PinBlock),
            PinTriesLeft = s.PinTriesLeft,
            PukTriesLeft = s.PukTriesLeft,
            Atc = s.Atc,
        };

        public CardState ToState(string path)
        {
            if (FormatVersion != 1) throw new InvalidDataException($"{path}: unknown state format version {FormatVersion}.");
            if (Atc is < 0 or > ushort.MaxValue) throw new InvalidDataException($"{path}: ATC {Atc} out of range.");
            Bansos.Card.CardNumber? number = null;
            if (CardNumber is not null)
            {
                if (!Bansos.Card.CardNumber.TryParse(CardNumber, out var parsed)) throw new InvalidDataException($"{path}: invalid card number.");
                number = parsed;
            }
            try
            {
                return new CardState
                {
                    Locked = Locked,
                    CardNumber = number,
                    HouseholdReference = HouseholdReference,
                    HolderName = HolderName,
                    Expiry = Expiry,
                    CardKey = CardKey is null ? null : Convert.FromHexString(CardKey),
                    PinBlock = PinBlock is null ? null : Convert.FromHexString(PinBlock),
                    PinTriesLeft = PinTriesLeft,
                    PukTriesLeft = PukTriesLeft,
                    Atc = (ushort)Atc,
                };
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"{path}: a key or PIN block is not hex.", e);
            }
        }
    }
}
