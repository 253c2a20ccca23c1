using Microsoft.Extensions.Options;

namespace ProvisioningBus.Core.Messaging;

/// <summary>Rejects a bus configuration at start-up with a message naming the offending key.</summary>
public sealed class BusOptionsValidator : IValidateOptions<BusOptions>
{
    public ValidateOptionsResult Validate(string? name, BusOptions options)
    {
        var failures = new List<string>();
        if (options.UsesRabbitMq)
        {
            if (!System.Uri.TryCreate(options.Uri, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
            {
                failures.Add($"{BusOptions.SectionName}:Uri must be an absolute amqp:// or amqps:// URI (for example amqp://guest:guest@127.0.0.1:5672/).");
            }
        }

        if (options.PrefetchCount is < 1 or > 10_000)
        {
            failures.Add($"{BusOptions.SectionName}:PrefetchCount must be between 1 and 10000 (was {options.PrefetchCount}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
