using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ProvisioningBus.Expressions;

/// <summary>
/// The functions an expression may call: those the PingOne fact sheet (§3.4) names and we can reproduce
/// faithfully. <c>#datetime.format</c> is left out on purpose: it takes Java DateTimeFormatter patterns, and a
/// look-alike built on .NET format strings would format some dates differently from PingOne.
/// </summary>
internal static class FunctionLibrary
{
    // Operator-supplied patterns run on every provisioned user, so they use the linear-time engine (no catastrophic
    // backtracking is possible). The timeout is only a backstop: the engine builds its automaton lazily during the
    // first matches, and a tight timeout fails users spuriously on a busy worker (seen at 100 ms on 2 shared cores).
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    private const RegexOptions PatternOptions = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    public static FrozenDictionary<string, LibraryFunction> Functions { get; } = new[]
    {
        new LibraryFunction(
            "core",
            "switchExpr",
            "#core.switchExpr(value, case1, result1[, case2, result2…], default)",
            count => count >= 4 && count % 2 == 0,
            SwitchExpr,
            ExpressionType.Unknown,
            count => Enumerable.Range(1, (count - 2) / 2).Select(pair => pair * 2).Append(count - 1)),
        new LibraryFunction("string", "substring", "#string.substring(text, begin[, end])", count => count is 2 or 3, Substring, ExpressionType.String),
        new LibraryFunction("string", "toLowerCase", "#string.toLowerCase(text)", count => count == 1, (args, at) => MapText(args[0], "#string.toLowerCase", at, text => text.ToLowerInvariant()), ExpressionType.String),
        new LibraryFunction("string", "toUpperCase", "#string.toUpperCase(text)", count => count == 1, (args, at) => MapText(args[0], "#string.toUpperCase", at, text => text.ToUpperInvariant()), ExpressionType.String),
        new LibraryFunction("string", "trim", "#string.trim(text)", count => count == 1, (args, at) => MapText(args[0], "#string.trim", at, text => text.Trim()), ExpressionType.String),
        new LibraryFunction("regex", "findAllMatches", "#regex.findAllMatches(text, pattern)", count => count == 2, FindAllMatches, ExpressionType.Unknown)
        {
            CheckArguments = CheckLiteralPattern,
        },
    }.ToFrozenDictionary(function => $"{function.Library}.{function.Name}", StringComparer.Ordinal);

    public static string Names => string.Join(", ", Functions.Values.Select(function => function.QualifiedName).Order(StringComparer.Ordinal));

    // PingOne's examples: switchExpr(value, case, result, …, default); the cases compare like '=='.
    private static ExpressionValue SwitchExpr(IReadOnlyList<ExpressionValue> args, int position)
    {
        for (var i = 1; i < args.Count - 1; i += 2)
        {
            if (args[0].Equals(args[i]))
            {
                return args[i + 1];
            }
        }

        return args[^1];
    }

    // Java's String.substring throws on an index past the end; a missing or short name must not fail a user's
    // provisioning, so this follows the null-safe, clamping Apache Commons StringUtils.substring instead
    // (negative indexes count from the end).
    private static ExpressionValue Substring(IReadOnlyList<ExpressionValue> args, int position)
    {
        if (args[0] is NullValue)
        {
            return NullValue.Instance;
        }

        var text = ValueSemantics.Text(args[0], "#string.substring", position);
        var begin = Clamp(ValueSemantics.Integer(args[1], "#string.substring's begin", position), text.Length);
        var end = args.Count == 3 ? Clamp(ValueSemantics.Integer(args[2], "#string.substring's end", position), text.Length) : text.Length;
        return new StringValue(begin < end ? text[begin..end] : "");
    }

    private static int Clamp(int index, int length) => Math.Clamp(index < 0 ? length + index : index, 0, length);

    private static ExpressionValue MapText(ExpressionValue value, string function, int position, Func<string, string> map) =>
        value is NullValue ? NullValue.Instance : new StringValue(map(ValueSemantics.Text(value, function, position)));

    private static ListValue FindAllMatches(IReadOnlyList<ExpressionValue> args, int position)
    {
        if (args[0] is NullValue)
        {
            return new ListValue([]);
        }

        var text = ValueSemantics.Text(args[0], "#regex.findAllMatches", position);
        var pattern = ValueSemantics.Text(args[1], "#regex.findAllMatches", position);
        try
        {
            return new ListValue(Regex.Matches(text, pattern, PatternOptions, RegexTimeout).Select(match => new StringValue(match.Value)));
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or RegexMatchTimeoutException)
        {
            throw new ExpressionEvaluationException(
                $"#regex.findAllMatches at position {position} failed: {exception.Message}", position);
        }
    }

    private static void CheckLiteralPattern(IReadOnlyList<ExpressionNode> args)
    {
        if (args[1] is not LiteralNode { Value: StringValue { Value: var pattern } } literal)
        {
            return;
        }

        try
        {
            _ = new Regex(pattern, PatternOptions, RegexTimeout);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            throw new ExpressionSyntaxException(
                $"Invalid pattern at position {literal.Position}: {exception.Message} (backreferences and lookarounds are not supported: patterns must run in linear time)",
                literal.Position);
        }
    }
}
