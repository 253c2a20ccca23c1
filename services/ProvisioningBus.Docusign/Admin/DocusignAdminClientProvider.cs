using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProvisioningBus.Docusign.Api.Admin;

namespace ProvisioningBus.Docusign.Admin;

internal sealed class DocusignAdminClientProvider(IServiceProvider services, IOptions<DocusignConnectionRegistry> registry) : IDocusignAdminClientProvider
{
    public IDocusignAdminClient Get(string connectionName)
    {
        ArgumentNullException.ThrowIfNull(connectionName);
        if (!registry.Value.Names.Contains(connectionName))
        {
            throw new KeyNotFoundException(
                $"No Docusign connection named '{connectionName}' is registered (known: {string.Join(", ", registry.Value.Names)}).");
        }

        var connection = services.GetRequiredKeyedService<DocusignConnection>(connectionName);
        return new DocusignAdminClient(connectionName, connection.Options.AccountId!, services.GetRequiredKeyedService<IDocusignAdminApi>(connectionName));
    }
}
