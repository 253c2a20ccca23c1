using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProvisioningBus.Docusign.Api;

namespace ProvisioningBus.Docusign;

internal sealed class DocusignClientProvider(IServiceProvider services, IOptions<DocusignConnectionRegistry> registry) : IDocusignClientProvider
{
    public IReadOnlyCollection<string> ConnectionNames => registry.Value.Names;

    public IDocusignAccountClient Get(string connectionName)
    {
        ArgumentNullException.ThrowIfNull(connectionName);
        if (!registry.Value.Names.Contains(connectionName))
        {
            throw new KeyNotFoundException(
                $"No Docusign connection named '{connectionName}' is registered (known: {string.Join(", ", registry.Value.Names)}).");
        }

        return new DocusignAccountClient(
            services.GetRequiredKeyedService<DocusignConnection>(connectionName),
            services.GetRequiredKeyedService<IDocusignEsignatureApi>(connectionName));
    }
}
