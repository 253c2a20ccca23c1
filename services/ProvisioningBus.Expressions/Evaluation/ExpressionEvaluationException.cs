namespace ProvisioningBus.Expressions;

/// <summary>
/// An expression that parsed but cannot produce a value for this user (a null condition, a string where a
/// boolean is needed…). The consumer records it as the user's failure rather than writing a guessed value.
/// </summary>
public sealed class ExpressionEvaluationException : Exception
{
    public ExpressionEvaluationException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    public ExpressionEvaluationException()
    {
    }

    public ExpressionEvaluationException(string message)
        : base(message)
    {
    }

    public ExpressionEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>0-based offset of the part of the expression that failed.</summary>
    public int Position { get; }
}
