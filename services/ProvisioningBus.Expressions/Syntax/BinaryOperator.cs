namespace ProvisioningBus.Expressions;

internal enum BinaryOperator
{
    Add,
    Equal,
    NotEqual,
    And,
    Or,
}
