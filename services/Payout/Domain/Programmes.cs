namespace Bansos.Payout.Domain;

/// <summary>The programmes an aid period can belong to (the registry's enrolments).</summary>
public static class Programmes
{
    public const string Sembako = "SEMBAKO";
    public const string Pkh = "PKH";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal) { Sembako, Pkh };
}
