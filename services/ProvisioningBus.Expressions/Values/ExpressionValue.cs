namespace ProvisioningBus.Expressions;

/// <summary>
/// A value in the expression language. The model is closed on purpose: strings, booleans, numbers, null,
/// maps and lists are all an attribute tree (a PingOne user as JSON, a Docusign user) can hold, and a closed
/// set is what lets evaluation stay free of reflection.
/// </summary>
public abstract record ExpressionValue
{
    private protected ExpressionValue()
    {
    }

    /// <summary>The value's type; maps and lists are <see cref="ExpressionType.Unknown"/> to schemas.</summary>
    public abstract ExpressionType Type { get; }

    /// <summary>Whether this is the null value.</summary>
    public bool IsNull => this is NullValue;

    /// <summary>
    /// The text a target attribute receives: strings as they are, numbers in invariant culture, booleans as
    /// <c>true</c>/<c>false</c> (as SpEL prints them), null as <see langword="null"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is a map or a list, which has no attribute text.</exception>
    public abstract string? ToText();

    public static ExpressionValue Of(string? value) => value is null ? NullValue.Instance : new StringValue(value);

    public static ExpressionValue Of(bool value) => value ? BooleanValue.True : BooleanValue.False;

    public static ExpressionValue Of(decimal value) => new NumberValue(value);
}
