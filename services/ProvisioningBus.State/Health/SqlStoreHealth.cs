using System.Data.Common;
using ProvisioningBus.State.Database;

namespace ProvisioningBus.State.Health;

internal sealed class SqlStoreHealth(StoreDatabase database) : IStoreHealth
{
    public async Task<StoreHealthReport> CheckAsync(CancellationToken ct)
    {
        var provider = database.Dialect.Provider.ToString();
        try
        {
            await database.QueryListAsync("SELECT 1", r => r.GetValue(0), ct);
            return new StoreHealthReport(true, provider, null);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException or IOException)
        {
            return new StoreHealthReport(false, provider, ex.Message);
        }
    }
}
