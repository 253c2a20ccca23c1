using System.Data.Common;

namespace ProvisioningBus.State.Database;

/// <summary>
/// Conversions between domain values and the portable column types (BIGINT, TEXT).
/// Instants are microseconds since the Unix epoch (UTC): PostgreSQL's own timestamp precision, so a later move to
/// <c>timestamptz</c> would lose nothing, and integer comparison gives the same answer on both engines.
/// </summary>
internal static class DbValues
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;

    public static long ToDb(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    public static object ToDb(DateTimeOffset? value) => value is { } v ? ToDb(v) : DBNull.Value;

    public static object ToDb(TimeOnly? value) => value is { } v ? v.Ticks / TicksPerMicrosecond : DBNull.Value;

    public static object ToDb(Guid? value) => value is { } v ? v.ToString("D") : DBNull.Value;

    public static string ToDb(Guid value) => value.ToString("D");

    public static DateTimeOffset FromMicroseconds(long microseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(microseconds * TicksPerMicrosecond);

    public static DateTimeOffset GetInstant(this DbDataReader reader, int ordinal) => FromMicroseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? GetNullableInstant(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromMicroseconds(reader.GetInt64(ordinal));

    public static TimeOnly? GetNullableTimeOfDay(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new TimeOnly(reader.GetInt64(ordinal) * TicksPerMicrosecond);

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static Guid GetGuidText(this DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal));

    public static Guid? GetNullableGuidText(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Guid.Parse(reader.GetString(ordinal));

    public static TEnum GetEnum<TEnum>(this DbDataReader reader, int ordinal)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(reader.GetString(ordinal));

    public static int GetCount(this DbDataReader reader, int ordinal) => checked((int)reader.GetInt64(ordinal));
}
