namespace ProvisioningBus.Expressions;

internal enum UnaryOperator
{
    Not,
    Negate,
}
