namespace Bansos.Registry.Data;

/// <summary>A new household's rows as <see cref="HouseholdStore.RowsOf"/> makes them, ready for <see cref="HouseholdStore.InsertAsync"/>.</summary>
public sealed record NewHouseholdRows(object?[] Household, IReadOnlyList<object?[]> Members, IReadOnlyList<object?[]> History);
