namespace ProvisioningBus.State.Database;

/// <summary>
/// Parameter lists for bulk statements (<c>IN (…)</c> and multi-row <c>VALUES</c>), so one statement carries a whole
/// batch on both engines. Callers keep a batch within <see cref="MaxRows"/> rows.
/// </summary>
internal static class SqlLists
{
    /// <summary>500 rows of up to 8 columns stay far below SQLite's 32,766 and PostgreSQL's 65,535 parameters.</summary>
    public const int MaxRows = 500;

    /// <summary><c>@prefix0, @prefix1, …</c> and their parameters.</summary>
    public static (string Sql, SqlParameterValue[] Parameters) In(string prefix, IReadOnlyList<string> values)
    {
        var names = new string[values.Count];
        var parameters = new SqlParameterValue[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = $"@{prefix}{i}";
            parameters[i] = new SqlParameterValue($"{prefix}{i}", values[i]);
        }

        return (string.Join(", ", names), parameters);
    }

    /// <summary>
    /// <c>(@c0_0, @c1_0, …), (@c0_1, …)</c> for <paramref name="rows"/>, each row's values from <paramref name="columns"/>.
    /// </summary>
    public static (string Sql, SqlParameterValue[] Parameters) Values<T>(IReadOnlyList<T> rows, params Func<T, object?>[] columns)
    {
        var tuples = new string[rows.Count];
        var parameters = new List<SqlParameterValue>(rows.Count * columns.Length);
        for (var row = 0; row < rows.Count; row++)
        {
            var names = new string[columns.Length];
            for (var column = 0; column < columns.Length; column++)
            {
                var name = $"v{column}_{row}";
                names[column] = "@" + name;
                parameters.Add(new SqlParameterValue(name, columns[column](rows[row])));
            }

            tuples[row] = "(" + string.Join(", ", names) + ")";
        }

        return (string.Join(", ", tuples), [.. parameters]);
    }
}
