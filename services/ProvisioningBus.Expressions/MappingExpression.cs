namespace ProvisioningBus.Expressions;

/// <summary>
/// A parsed attribute-mapping expression in the PingOne Expression Language's syntax (a SpEL subset), e.g.
/// <c>#root.enabled ? 'Active' : 'Closed'</c>. Parse it once when the rule is loaded, then evaluate it for each user;
/// the instance is immutable and safe to share between threads.
/// </summary>
public sealed class MappingExpression
{
    /// <summary>Longest accepted expression text, in characters.</summary>
    public const int MaxLength = 4096;

    /// <summary>Deepest accepted nesting (of the syntax tree and of brackets).</summary>
    public const int MaxDepth = 64;

    private MappingExpression(string text, ExpressionNode root)
    {
        Text = text;
        Root = root;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The path when the expression is nothing but an attribute reference (<c>#root.enabled</c>, <c>name.given</c>).</summary>
    public AttributePath? AttributeReference => Root is AttributeNode attribute ? attribute.Path : null;

    internal ExpressionNode Root { get; }

    /// <exception cref="ExpressionSyntaxException">The text is not a valid expression; the exception carries the position.</exception>
    public static MappingExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new MappingExpression(text, Parser.Parse(text));
    }

    /// <summary>An expression that reads one attribute, as a plain (non-expression) mapping does.</summary>
    public static MappingExpression ForAttribute(AttributePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new MappingExpression(path.IsRoot ? "#root" : path.Dotted, new AttributeNode(path, 0));
    }

    /// <exception cref="ExpressionEvaluationException">The expression cannot produce a value for this source (e.g. a null condition).</exception>
    public ExpressionValue Evaluate(IAttributeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Evaluator.Evaluate(Root, source);
    }

    /// <summary>The result type as far as the expression alone tells; attribute references are <see cref="ExpressionType.Unknown"/>.</summary>
    public ExpressionType InferType() => InferType(null);

    /// <summary>The result type, reading attribute types from <paramref name="sourceSchema"/>.</summary>
    public ExpressionType InferType(AttributeSchema? sourceSchema) => StaticAnalysis.InferType(Root, sourceSchema) ?? ExpressionType.Unknown;

    /// <summary>The texts the expression can produce when all its outcomes are string constants; otherwise null.</summary>
    public IReadOnlySet<string>? PossibleTexts() => StaticAnalysis.PossibleTexts(Root);

    public override string ToString() => Text;
}
