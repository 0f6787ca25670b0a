using System.Diagnostics;
using Bansos.ServiceDefaults.Logging;
using OpenTelemetry;

namespace Bansos.ServiceDefaults.Telemetry;

/// <summary>
/// Traces leave the machine too: mask personal data in span names and string tags (a REST path
/// or query may carry a NIK) before any exporter sees them.
/// </summary>
public sealed class MaskingActivityProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        var name = PersonalData.Mask(data.DisplayName);
        if (!ReferenceEquals(name, data.DisplayName) && name != data.DisplayName)
        {
            data.DisplayName = name;
        }

        List<KeyValuePair<string, string>>? changed = null;
        foreach (var tag in data.TagObjects)
        {
            if (tag.Value is string text)
            {
                var masked = PersonalData.Mask(text);
                if (masked != text)
                {
                    (changed ??= []).Add(new(tag.Key, masked));
                }
            }
        }

        if (changed is not null)
        {
            foreach (var (key, value) in changed)
            {
                data.SetTag(key, value);
            }
        }
    }
}
