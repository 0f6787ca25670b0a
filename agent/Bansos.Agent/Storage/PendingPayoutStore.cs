using System.Text.Json;

namespace Bansos.Agent.Storage;

/// <summary>The one payout in flight, in <c>pending-payout.json</c> of the data folder (written before it is sent).</summary>
public sealed class PendingPayoutStore(string dataFolder)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string FilePath { get; } = Path.Combine(dataFolder, "pending-payout.json");

    public PendingPayout? Load()
    {
        if (!File.Exists(FilePath)) return null;
        try
        {
            return JsonSerializer.Deserialize<PendingPayout>(File.ReadAllBytes(FilePath), Json)
                ?? throw new InvalidDataException($"{FilePath} is empty.");
        }
        catch (JsonException e)
        {
            // Never silently drop a payout that may have been made: the operator must look.
            throw new InvalidDataException($"{FilePath} is not a readable pending payout.", e);
        }
    }

    public void Save(PendingPayout payout) => PrivateFiles.WriteAllBytes(FilePath, JsonSerializer.SerializeToUtf8Bytes(payout, Json));

    public void Clear()
    {
        if (File.Exists(FilePath)) File.Delete(FilePath);
    }
}
