using System.Globalization;
using System.Runtime.CompilerServices;
using ProvisioningBus.Docusign.Api.Admin;

namespace ProvisioningBus.Docusign.Admin;

internal sealed class DocusignAdminClient(string connectionName, string accountId, IDocusignAdminApi api) : IDocusignAdminClient
{
    /// <summary>Users per Admin API page: the same 100 as eSignature pages, so a page costs what a listing page costs.</summary>
    public const int PageSize = 100;

    public string ConnectionName => connectionName;

    public async IAsyncEnumerable<DocusignOrganizationUser> ListUsersModifiedSinceAsync(
        string organizationId, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sinceText = since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
        var start = 0;
        while (true)
        {
            var page = await api.ListUsersAsync(
                organizationId,
                new OrganizationUsersQuery { AccountId = accountId, LastModifiedSince = sinceText, Start = start, Take = PageSize },
                cancellationToken).ConfigureAwait(false);
            var users = page.Users ?? [];
            foreach (var user in users)
            {
                // A user modified while we page moves to the end of the since-ordered listing and may be met twice.
                if (user.Id is { Length: > 0 } id && seen.Add(id))
                {
                    yield return new DocusignOrganizationUser(id, user.UserName, user.Email, user.FirstName, user.LastName, user.MembershipStatus);
                }
            }

            start += users.Count;
            var total = page.Paging?.TotalSetSize;
            if (users.Count == 0 || (page.Paging?.Next is null && (total is null || start >= total)))
            {
                yield break;
            }
        }
    }
}
