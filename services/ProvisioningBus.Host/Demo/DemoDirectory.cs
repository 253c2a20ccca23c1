using Docusign.Emulator;
using PingOne.Emulator.Directory;

namespace ProvisioningBus.Host.Demo;

/// <summary>A deterministic demo directory: the same names on every run, so a newcomer can look people up.</summary>
public static class DemoDirectory
{
    private static readonly string[] GivenNames =
    [
        "Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "Dennis",
        "Radia", "Niklaus", "Sophie", "Tony", "Hedy", "John", "Katherine", "Linus", "Anita", "Guido",
    ];

    private static readonly string[] FamilyNames =
    [
        "Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Ritchie",
        "Perlman", "Wirth", "Wilson", "Hoare", "Lamarr", "Backus", "Johnson", "Torvalds", "Borg", "Rossum",
    ];

    private static readonly string[] Titles = ["Engineer", "Analyst", "Manager", "Designer", "Counsel", "Accountant"];

    private static readonly string[] GroupNames = ["Sales", "Legal", "Finance", "Engineering", "Procurement", "People", "Support", "Marketing"];

    public const string ContractorTitle = "Contractor";

    /// <summary>People who exist only in Docusign, for the inbound rule to bring into PingOne.</summary>
    public static void SeedContractors(DocusignEmulatorState docusign, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var given = GivenNames[(i * 7) % GivenNames.Length];
            var family = FamilyNames[(i * 3 + 5) % FamilyNames.Length];
            docusign.SeedUser($"{given} {family}", $"contractor.{i:D3}@partner.example", given, family, ContractorTitle);
        }
    }

    public static IReadOnlyList<string> SeedGroups(DirectoryState directory, int count) =>
        [.. GroupNames.Take(Math.Min(count, GroupNames.Length)).Select(name => directory.CreateGroup(name).Id)];

    /// <summary>Creates the users and puts each into one group (round robin), as an admin would.</summary>
    /// <returns>The users' PingOne ids.</returns>
    public static IReadOnlyList<string> SeedUsers(DirectoryState directory, int count, IReadOnlyList<string> groupIds)
    {
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var given = GivenNames[i % GivenNames.Length];
            var family = FamilyNames[i / GivenNames.Length % FamilyNames.Length];
            var username = $"{given}.{family}.{i:D4}".ToLowerInvariant();
            var user = directory.CreateUser(username, $"{username}@demo.example", new EmulatedUserName(given, family), Titles[i % Titles.Length]);
            ids.Add(user.Id);
            if (groupIds.Count > 0)
            {
                directory.AddMember(user.Id, groupIds[i % groupIds.Count]);
            }
        }

        return ids;
    }
}
