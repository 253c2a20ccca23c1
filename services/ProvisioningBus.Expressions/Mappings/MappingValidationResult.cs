namespace ProvisioningBus.Expressions;

/// <summary>The outcome of checking one mapping; keep <see cref="Expression"/> to evaluate the mapping per user.</summary>
/// <param name="Expression">The parsed source, or null when it did not parse.</param>
public sealed record MappingValidationResult(AttributeMapping Mapping, MappingExpression? Expression, IReadOnlyList<MappingError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
