using System.Globalization;
using System.Text;
using PingOne.Emulator.Directory;

namespace PingOne.Emulator.Filtering;

/// <summary>
/// The SCIM filter subset PingOne documents for /users and /groups (fact sheet §2.3): <c>attr op "value"</c>
/// with eq/ne/sw/ew/co/gt/ge/lt/le/pr, <c>memberOfGroups[id eq "…"]</c>, <c>and</c>, <c>or</c>, <c>not</c> and parentheses.
/// String comparison ignores case, as PingOne does for usernames and emails.
/// </summary>
internal sealed class ScimFilter
{
    private readonly List<string> _tokens;
    private readonly IReadOnlySet<string> _attributes;
    private int _position;

    private ScimFilter(List<string> tokens, IReadOnlySet<string> attributes)
    {
        _tokens = tokens;
        _attributes = attributes;
    }

    /// <summary>Compiles a filter; an unknown attribute or a syntax error is a 400 like PingOne's.</summary>
    public static Func<ScimSubject, bool> Compile(string? filter, IReadOnlySet<string> attributes)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return _ => true;
        }

        var parser = new ScimFilter(Tokenize(filter), attributes);
        var predicate = parser.ParseOr();
        if (parser._position != parser._tokens.Count)
        {
            throw Invalid($"unexpected '{parser._tokens[parser._position]}'");
        }

        return predicate;
    }

    private Func<ScimSubject, bool> ParseOr()
    {
        var left = ParseAnd();
        while (TryKeyword("or"))
        {
            var l = left;
            var r = ParseAnd();
            left = s => l(s) || r(s);
        }

        return left;
    }

    private Func<ScimSubject, bool> ParseAnd()
    {
        var left = ParseUnary();
        while (TryKeyword("and"))
        {
            var l = left;
            var r = ParseUnary();
            left = s => l(s) && r(s);
        }

        return left;
    }

    private Func<ScimSubject, bool> ParseUnary()
    {
        if (TryKeyword("not"))
        {
            Expect("(");
            var inner = ParseOr();
            Expect(")");
            return s => !inner(s);
        }

        if (TryToken("("))
        {
            var inner = ParseOr();
            Expect(")");
            return inner;
        }

        var attribute = Next("an attribute");
        if (string.Equals(attribute, "memberOfGroups", StringComparison.OrdinalIgnoreCase))
        {
            Expect("[");
            var inner = Next("id");
            if (!string.Equals(inner, "id", StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid($"memberOfGroups supports only [id eq \"…\"], not {inner}");
            }

            ExpectKeyword("eq");
            var groupId = ParseValue();
            Expect("]");
            return s => groupId is not null && s.IsMemberOfGroup(groupId);
        }

        if (!_attributes.Contains(attribute))
        {
            throw Invalid($"attribute {attribute} is not filterable");
        }

        var op = Next("an operator").ToLowerInvariant();
        if (op == "pr")
        {
            return s => s.Attribute(attribute) is not null;
        }

        var expected = ParseValue();
        return op switch
        {
            "eq" => s => string.Equals(s.Attribute(attribute), expected, StringComparison.OrdinalIgnoreCase),
            "ne" => s => !string.Equals(s.Attribute(attribute), expected, StringComparison.OrdinalIgnoreCase),
            "sw" => s => expected is not null && (s.Attribute(attribute)?.StartsWith(expected, StringComparison.OrdinalIgnoreCase) ?? false),
            "ew" => s => expected is not null && (s.Attribute(attribute)?.EndsWith(expected, StringComparison.OrdinalIgnoreCase) ?? false),
            "co" => s => expected is not null && (s.Attribute(attribute)?.Contains(expected, StringComparison.OrdinalIgnoreCase) ?? false),
            "gt" => s => Compare(s.Attribute(attribute), expected) > 0,
            "ge" => s => Compare(s.Attribute(attribute), expected) >= 0,
            "lt" => s => Compare(s.Attribute(attribute), expected) < 0,
            "le" => s => Compare(s.Attribute(attribute), expected) <= 0,
            _ => throw Invalid($"operator {op} is not supported"),
        };
    }

    /// <summary>Orders timestamps as instants, anything else ordinally; a missing value never matches.</summary>
    private static int? Compare(string? actual, string? expected)
    {
        if (actual is null || expected is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var a)
               && DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e)
            ? a.CompareTo(e)
            : string.Compare(actual, expected, StringComparison.OrdinalIgnoreCase);
    }

    private string? ParseValue()
    {
        var token = Next("a value");
        if (token.StartsWith('"'))
        {
            return token[1..];
        }

        return token.ToLowerInvariant() switch
        {
            "null" => null,
            "true" or "false" => token.ToLowerInvariant(),
            _ when double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => token,
            _ => throw Invalid($"expected a value but found {token}"),
        };
    }

    private bool TryKeyword(string keyword)
    {
        if (_position < _tokens.Count && string.Equals(_tokens[_position], keyword, StringComparison.OrdinalIgnoreCase))
        {
            _position++;
            return true;
        }

        return false;
    }

    private bool TryToken(string token)
    {
        if (_position < _tokens.Count && _tokens[_position] == token)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!TryKeyword(keyword))
        {
            throw Invalid($"expected {keyword}");
        }
    }

    private void Expect(string token)
    {
        if (!TryToken(token))
        {
            throw Invalid($"expected '{token}'");
        }
    }

    private string Next(string what) =>
        _position < _tokens.Count ? _tokens[_position++] : throw Invalid($"expected {what} at the end of the filter");

    /// <summary>Tokens: parentheses and brackets, quoted strings (kept with a leading quote mark), and words.</summary>
    private static List<string> Tokenize(string filter)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < filter.Length)
        {
            var c = filter[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or '[' or ']')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '"')
            {
                var text = new StringBuilder("\"");
                i++;
                while (i < filter.Length && filter[i] != '"')
                {
                    if (filter[i] == '\\' && i + 1 < filter.Length)
                    {
                        i++;
                    }

                    text.Append(filter[i++]);
                }

                if (i >= filter.Length)
                {
                    throw Invalid("unterminated string");
                }

                i++;
                tokens.Add(text.ToString());
            }
            else
            {
                var start = i;
                while (i < filter.Length && !char.IsWhiteSpace(filter[i]) && filter[i] is not ('(' or ')' or '[' or ']' or '"'))
                {
                    i++;
                }

                tokens.Add(filter[start..i]);
            }
        }

        return tokens;
    }

    private static EmulatorApiException Invalid(string problem) =>
        EmulatorApiException.Invalid($"Invalid filter: {problem}", "filter", "INVALID_FILTER");
}
