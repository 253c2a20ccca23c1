namespace ProvisioningBus.Core.Rules;

/// <summary>The free-text descriptions of connections and rules (shown in status and <c>validate</c>), and their limit.</summary>
public static class Descriptions
{
    /// <summary>Long enough for a sentence or two; a status table row must stay readable.</summary>
    public const int MaxLength = 1024;

    /// <returns>The problem with the description at <paramref name="key"/>, or null when it is fine (absent is fine).</returns>
    public static string? Problem(string key, string? description) =>
        description is { Length: > MaxLength } ? $"{key} must be at most {MaxLength} characters (was {description.Length})." : null;
}
