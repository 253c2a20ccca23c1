namespace ProvisioningBus.Expressions;

/// <summary>
/// One entry of the fixed function whitelist. Functions are plain delegates chosen by name at parse time; nothing
/// is looked up by reflection, so an expression can reach only what this table lists.
/// </summary>
/// <param name="Library">The library without '#': <c>core</c>, <c>string</c>, <c>regex</c>.</param>
/// <param name="Signature">How the function is called, for error messages.</param>
/// <param name="AcceptsArgumentCount">Whether a call with that many arguments is well formed.</param>
/// <param name="Invoke">The function over evaluated arguments; the int is the call's position for errors.</param>
/// <param name="ResultType">The result type when <paramref name="ResultArguments"/> is null.</param>
/// <param name="ResultArguments">
/// For functions that return one of their arguments (switchExpr), the indexes of the arguments that can be the
/// result, given the argument count; static analysis unifies their types and collects their constants.
/// </param>
internal sealed record LibraryFunction(
    string Library,
    string Name,
    string Signature,
    Func<int, bool> AcceptsArgumentCount,
    Func<IReadOnlyList<ExpressionValue>, int, ExpressionValue> Invoke,
    ExpressionType ResultType,
    Func<int, IEnumerable<int>>? ResultArguments = null)
{
    /// <summary>Extra parse-time checks on the argument expressions (e.g. a literal regex must compile).</summary>
    public Action<IReadOnlyList<ExpressionNode>>? CheckArguments { get; init; }

    public string QualifiedName => $"#{Library}.{Name}";
}
