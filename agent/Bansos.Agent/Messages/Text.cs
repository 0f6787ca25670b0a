namespace Bansos.Agent.Messages;

/// <summary>One message in both languages; <c>{0}</c>-style placeholders are the same in both.</summary>
public sealed record Text(string Indonesian, string English)
{
    public string In(Language language) => language == Language.English ? English : Indonesian;
}
