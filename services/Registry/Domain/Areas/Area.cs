namespace Bansos.Registry.Domain.Areas;

/// <summary>One administrative area with its Kemendagri code (dotted) and name.</summary>
/// <param name="Code">Dotted code, e.g. <c>17.03.12.2003</c>.</param>
/// <param name="ParentCode">The code of the area it lies in; null for a province.</param>
public sealed record Area(string Code, string? ParentCode, string Name, AreaLevel Level);
