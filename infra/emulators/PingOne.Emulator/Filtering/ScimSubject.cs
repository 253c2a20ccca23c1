namespace PingOne.Emulator.Filtering;

/// <summary>What a filter can ask of a resource: an attribute value by path, and direct group membership.</summary>
internal sealed record ScimSubject(Func<string, string?> Attribute, Func<string, bool> IsMemberOfGroup);
