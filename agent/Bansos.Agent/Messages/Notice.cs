namespace Bansos.Agent.Messages;

/// <summary>How a notice is shown (colour in the terminal UI, <c>level</c> in JSON).</summary>
public enum NoticeLevel
{
    Info,
    Success,
    Warning,
    Error,
}

/// <summary>A catalogue message with its arguments, rendered in the operator's language when shown.</summary>
public sealed record Notice(Msg Id, NoticeLevel Level, params object[] Args)
{
    public string Render(Language language) => MessageCatalog.Render(this, language);

    public static Notice Info(Msg id, params object[] args) => new(id, NoticeLevel.Info, args);

    public static Notice Success(Msg id, params object[] args) => new(id, NoticeLevel.Success, args);

    public static Notice Warning(Msg id, params object[] args) => new(id, NoticeLevel.Warning, args);

    public static Notice Error(Msg id, params object[] args) => new(id, NoticeLevel.Error, args);
}
