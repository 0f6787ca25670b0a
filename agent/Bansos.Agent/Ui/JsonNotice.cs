using Bansos.Agent.Messages;

namespace Bansos.Agent.Ui;

/// <summary>A notice in JSON output: its stable id (for scripts), level and text in the chosen language.</summary>
public sealed record JsonNotice(string Id, string Level, string Text)
{
    public static JsonNotice From(Notice notice, Language language) =>
        new(notice.Id.ToString(), notice.Level.ToString().ToLowerInvariant(), notice.Render(language));
}
