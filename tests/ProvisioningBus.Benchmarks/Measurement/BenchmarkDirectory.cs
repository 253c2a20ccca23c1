using Docusign.Emulator;
using PingOne.Emulator;
using PingOne.Emulator.Directory;
using PingOneUser = PingOne.Emulator.Directory.EmulatedUser;

namespace ProvisioningBus.Benchmarks.Measurement;

/// <summary>Creating benchmark users in PingOne (as an admin would) and finding what arrived in Docusign.</summary>
public static class BenchmarkDirectory
{
    public static IReadOnlyList<PingOneUser> CreateUsers(PingOneEmulator pingOne, string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => pingOne.State.CreateUser(
            $"{prefix}-{i:D6}",
            Email(prefix, i),
            new EmulatedUserName($"Given{i}", $"{prefix}-Family{i}"),
            title: "Engineer"))];

    public static string Email(string prefix, int i) => $"{prefix}-{i:D6}@bench.example";

    public static List<global::Docusign.Emulator.EmulatedUser> DocusignUsers(DocusignEmulatorState docusign, string prefix) =>
        [.. docusign.Users.Where(user => user.Email.StartsWith(prefix + "-", StringComparison.OrdinalIgnoreCase))];
}
