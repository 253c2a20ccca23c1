namespace ProvisioningBus.Expressions;

/// <summary>Why a mapping was rejected at rule load.</summary>
/// <param name="Position">0-based offset in the source text when the error is a syntax error; otherwise null.</param>
public sealed record MappingError(string Message, int? Position = null)
{
    public override string ToString() => Message;
}
