namespace Bansos.Agent.Messages;

/// <summary>The language operators read: Indonesian unless they ask for English.</summary>
public enum Language
{
    Indonesian,
    English,
}
