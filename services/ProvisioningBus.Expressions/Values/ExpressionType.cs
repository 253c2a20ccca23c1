using System.Diagnostics.CodeAnalysis;

namespace ProvisioningBus.Expressions;

/// <summary>The statically known result type of an expression or of a schema attribute.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name the language's value types, which is what they are.")]
public enum ExpressionType
{
    /// <summary>Not known before evaluation (an attribute outside the schema, a map, a list…).</summary>
    Unknown = 0,
    String,
    Boolean,
    Number,
}
