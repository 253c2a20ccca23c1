namespace ProvisioningBus.Expressions;

/// <summary>An expression (or a plain source attribute) that does not parse; raised when a rule is loaded.</summary>
public sealed class ExpressionSyntaxException : Exception
{
    public ExpressionSyntaxException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    public ExpressionSyntaxException()
    {
    }

    public ExpressionSyntaxException(string message)
        : base(message)
    {
    }

    public ExpressionSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>0-based character offset of the problem in the expression text.</summary>
    public int Position { get; }
}
