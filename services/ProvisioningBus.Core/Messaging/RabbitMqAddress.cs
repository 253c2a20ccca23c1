namespace ProvisioningBus.Core.Messaging;

/// <summary>The parts of an amqp:// URI that MassTransit's host configuration asks for separately.</summary>
public sealed record RabbitMqAddress(string Host, ushort Port, string VirtualHost, string UserName, string Password, bool UseTls)
{
    public static RabbitMqAddress Parse(string uri)
    {
        var parsed = new Uri(uri);
        var userInfo = parsed.UserInfo.Split(':', 2);
        var userName = userInfo.Length > 0 && userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest";
        var password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest";
        var useTls = parsed.Scheme == "amqps";
        var port = parsed.IsDefaultPort || parsed.Port <= 0 ? (ushort)(useTls ? 5671 : 5672) : (ushort)parsed.Port;

        // An empty path is the default virtual host "/"; any other path is the URL-encoded vhost name.
        var path = parsed.AbsolutePath.TrimStart('/');
        var virtualHost = path.Length == 0 ? "/" : Uri.UnescapeDataString(path);
        return new RabbitMqAddress(parsed.Host, port, virtualHost, userName, password, useTls);
    }
}
