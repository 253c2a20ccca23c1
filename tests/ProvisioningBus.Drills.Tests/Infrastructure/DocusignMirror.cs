using Docusign.Emulator;
using PingOne.Emulator;

namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>
/// What "Docusign equals PingOne" means for the default rule (every user of the environment in scope, default
/// mappings, deprovision = close): each PingOne user has exactly one Docusign user with its email, open, with the
/// mapped attributes; no other open Docusign user exists besides the account's administrator (whom a
/// PingOne user with the administrator's email adopts).
/// </summary>
public static class DocusignMirror
{
    public static IReadOnlyList<string> Differences(PingOneEmulator pingOne, DocusignEmulator docusign)
    {
        var differences = new List<string>();
        var docusignUsers = docusign.State.Users.ToList();
        var byEmail = docusignUsers.ToLookup(user => user.Email, StringComparer.OrdinalIgnoreCase);
        var expectedEmails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in pingOne.State.Users())
        {
            var email = source.Email ?? "";
            expectedEmails.Add(email);
            var matches = byEmail[email].ToList();
            if (matches.Count != 1)
            {
                differences.Add($"{email}: {matches.Count} Docusign users");
                continue;
            }

            var target = matches[0];
            var userName = source.Name?.Formatted ?? $"{source.Name?.Given} {source.Name?.Family}".Trim();
            if (target.UserStatus == "Closed")
            {
                differences.Add($"{email}: closed in Docusign");
            }
            else if (target.UserName != (userName.Length > 0 ? userName : source.Username)
                || !Same(target.FirstName, source.Name?.Given)
                || !Same(target.LastName, source.Name?.Family)
                || !Same(target.JobTitle, source.Title))
            {
                differences.Add($"{email}: Docusign has '{target.UserName}'/{target.FirstName}/{target.LastName}/{target.JobTitle}, PingOne '{userName}'/{source.Title}");
            }
        }

        foreach (var extra in docusignUsers.Where(user => user.UserId != docusign.State.AdminUserId && !expectedEmails.Contains(user.Email) && user.UserStatus != "Closed"))
        {
            differences.Add($"{extra.Email}: open in Docusign but not in PingOne");
        }

        return differences;
    }

    private static bool Same(string? a, string? b) => string.Equals(a ?? "", b ?? "", StringComparison.Ordinal);
}
