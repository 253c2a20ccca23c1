namespace ProvisioningBus.Expressions;

/// <summary>
/// Checks a rule's mappings against the source and target schemas when the rule is loaded: the source must parse,
/// the target must exist, and the result type must fit the target. The one conversion allowed implicitly is
/// number → string (it has a single obvious text); a boolean never becomes a string silently, because for an
/// attribute like Docusign <c>userStatus</c> the text "true" is not a status.
/// </summary>
public sealed class AttributeMappingValidator
{
    private readonly AttributeSchema _source;
    private readonly AttributeSchema _target;

    public AttributeMappingValidator(AttributeSchema source, AttributeSchema target)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _target = target ?? throw new ArgumentNullException(nameof(target));
    }

    public MappingValidationResult Validate(AttributeMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var errors = new List<MappingError>();
        var target = _target.Find(mapping.TargetAttribute);
        if (target is null && !_target.AcceptsUndeclaredAttributes)
        {
            errors.Add(new MappingError(
                $"{_target.SystemName} has no user attribute '{mapping.TargetAttribute}'; known attributes are {string.Join(", ", _target.Attributes.Select(a => a.Name))}"));
        }

        var expression = Parse(mapping, errors);
        if (expression is not null && target is not null)
        {
            CheckType(mapping, expression, target, errors);
            CheckAllowedValues(mapping, expression, target, errors);
        }

        return new MappingValidationResult(mapping, expression, errors);
    }

    public IReadOnlyList<MappingValidationResult> ValidateAll(IEnumerable<AttributeMapping> mappings) =>
        mappings.Select(Validate).ToList();

    private MappingExpression? Parse(AttributeMapping mapping, List<MappingError> errors)
    {
        try
        {
            switch (mapping.Source)
            {
                case SourceExpression source:
                    return MappingExpression.Parse(source.Text);
                case SourceAttribute source:
                    // A plain attribute is read with the expression syntax, so 'name.given', '#root.enabled' and
                    // "user.name['full-name']" all work, and anything more is pointed at expression mappings.
                    var expression = MappingExpression.Parse(source.Path);
                    if (expression.AttributeReference is not { IsRoot: false } path)
                    {
                        errors.Add(new MappingError($"'{source.Path}' is not an attribute path; map it as an expression instead"));
                        return null;
                    }

                    if (_source.Find(path.Dotted) is null && !_source.AcceptsUndeclaredAttributes)
                    {
                        errors.Add(new MappingError(
                            $"{_source.SystemName} has no user attribute '{path.Dotted}'; known attributes are {string.Join(", ", _source.Attributes.Select(a => a.Name))}"));
                    }

                    return expression;
                default:
                    throw new ArgumentException($"Unknown mapping source {mapping.Source.GetType().Name}.", nameof(mapping));
            }
        }
        catch (ExpressionSyntaxException exception)
        {
            errors.Add(new MappingError(
                $"The source of {_target.SystemName} '{mapping.TargetAttribute}' is invalid: {exception.Message}", exception.Position));
            return null;
        }
    }

    private void CheckType(AttributeMapping mapping, MappingExpression expression, AttributeDefinition target, List<MappingError> errors)
    {
        var type = expression.InferType(_source);
        if (type == ExpressionType.Unknown || type == target.Type || target.Type == ExpressionType.Unknown
            || (type == ExpressionType.Number && target.Type == ExpressionType.String))
        {
            return;
        }

        var message = $"'{mapping.Source}' is {ValueSemantics.Describe(type)} but {_target.SystemName} '{target.Name}' is {ValueSemantics.Describe(target.Type)}";
        if (type == ExpressionType.Boolean && target.Type == ExpressionType.String)
        {
            var values = target.AllowedValues.Count > 0 ? $" with values {string.Join(", ", target.AllowedValues)}" : "";
            var encoding = target.BooleanEncoding ?? new BooleanEncoding("true", "false");
            var condition = expression.AttributeReference is { IsRoot: false } path ? $"#root.{path.Dotted}" : $"({expression.Text})";
            message += $"{values}; use an expression such as {condition} ? '{encoding.WhenTrue}' : '{encoding.WhenFalse}'";
        }

        errors.Add(new MappingError(message));
    }

    private void CheckAllowedValues(AttributeMapping mapping, MappingExpression expression, AttributeDefinition target, List<MappingError> errors)
    {
        if (target.AllowedValues.Count == 0 || expression.PossibleTexts() is not { } texts)
        {
            return;
        }

        // Docusign has been seen returning 'closed' for 'Closed' (docusign-api.md §1.7): compare ignoring case.
        foreach (var text in texts.Where(text => !target.AllowedValues.Contains(text, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            errors.Add(new MappingError(
                $"'{mapping.Source}' can produce '{text}', which {_target.SystemName} '{target.Name}' does not accept; accepted values are {string.Join(", ", target.AllowedValues)}"));
        }
    }
}
