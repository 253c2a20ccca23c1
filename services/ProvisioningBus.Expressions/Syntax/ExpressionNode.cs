namespace ProvisioningBus.Expressions;

/// <summary>A node of the immutable syntax tree; <see cref="Position"/> is the 0-based offset it was written at.</summary>
internal abstract record ExpressionNode(int Position)
{
    /// <summary>Height of the subtree, checked against the nesting limit as the tree is built.</summary>
    public abstract int Depth { get; }
}
