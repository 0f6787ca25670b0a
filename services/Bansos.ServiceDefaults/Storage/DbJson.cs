namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// A JSON document for a <c>{{json}}</c> column: TEXT on SQLite, jsonb on PostgreSQL. Pass it as
/// a Dapper parameter so PostgreSQL gets a jsonb value instead of text (which it would refuse).
/// </summary>
public readonly record struct DbJson(string Json)
{
    public override string ToString() => Json;
}
