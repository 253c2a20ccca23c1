using System.Text;
using ProvisioningBus.Contracts;

namespace ProvisioningBus.Inbound.Snapshots;

/// <summary>
/// One sorted run of <see cref="SnapshotSorter"/> on disk: the users as length-prefixed UTF-8 strings, read back
/// sequentially. Only this process reads it, so the format needs no version; the file is deleted with the sorter.
/// </summary>
internal static class SnapshotRunFile
{
    private const int BufferSize = 1 << 16;

    public static void Write(string path, IReadOnlyList<SnapshotUser> users)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        foreach (var user in users)
        {
            writer.Write(user.DocusignUserId);
            writer.Write(user.Hash);
            writer.Write(user.Attributes.UserName);
            writer.Write(user.Attributes.Email);
            WriteOptional(writer, user.Attributes.FirstName);
            WriteOptional(writer, user.Attributes.LastName);
            WriteOptional(writer, user.Attributes.JobTitle);
            writer.Write(user.Attributes.UserStatus);
        }
    }

    public static IEnumerable<SnapshotUser> Read(string path, int count)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        for (var i = 0; i < count; i++)
        {
            var id = reader.ReadString();
            var hash = reader.ReadString();
            var attributes = new DocusignUserAttributes
            {
                UserName = reader.ReadString(),
                Email = reader.ReadString(),
                FirstName = ReadOptional(reader),
                LastName = ReadOptional(reader),
                JobTitle = ReadOptional(reader),
                UserStatus = reader.ReadString(),
            };
            yield return new SnapshotUser(id, hash, attributes);
        }
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
