using System.Globalization;

namespace ProvisioningBus.Expressions;

/// <summary>
/// Recursive-descent parser for the SpEL subset, one method per precedence level, lowest first:
/// ternary / Elvis (right associative), <c>||</c>, <c>&amp;&amp;</c>, <c>==</c> / <c>!=</c> (non associative, as in
/// SpEL), <c>+</c>, unary <c>!</c> / <c>-</c>, then member access, indexing and primaries.
/// </summary>
internal sealed class Parser
{
    private readonly IReadOnlyList<Token> _tokens;
    private int _index;
    private int _nesting;

    private Parser(IReadOnlyList<Token> tokens)
    {
        _tokens = tokens;
    }

    private Token Current => _tokens[_index];

    /// <summary>Parses the whole text into a tree, or throws <see cref="ExpressionSyntaxException"/>.</summary>
    public static ExpressionNode Parse(string text)
    {
        // Mappings are operator input, parsed at rule load and evaluated for every provisioned user on shared
        // workers: capping size and nesting keeps parse time, evaluation time and stack use bounded whatever is typed.
        if (text.Length > MappingExpression.MaxLength)
        {
            throw new ExpressionSyntaxException(
                $"Expression is {text.Length} characters long at position {MappingExpression.MaxLength}: the limit is {MappingExpression.MaxLength}",
                MappingExpression.MaxLength);
        }

        var parser = new Parser(new Lexer(text).Tokenize());
        var root = parser.ParseExpression();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw Unexpected(parser.Current, "expected an operator or the end of the expression");
        }

        return root;
    }

    private ExpressionNode ParseExpression()
    {
        Enter(Current.Position);
        var condition = ParseOr();
        ExpressionNode result = condition;
        if (Current.Kind == TokenKind.Question)
        {
            var question = Advance();
            var whenTrue = ParseExpression();
            Expect(TokenKind.Colon, "expected ':' of the conditional (condition ? whenTrue : whenFalse)");
            var whenFalse = ParseExpression();
            result = Checked(new ConditionalNode(condition, whenTrue, whenFalse, question.Position));
        }
        else if (Current.Kind == TokenKind.Elvis)
        {
            var elvis = Advance();
            result = Checked(new ElvisNode(condition, ParseExpression(), elvis.Position));
        }

        _nesting--;
        return result;
    }

    private ExpressionNode ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.OrOr || IsKeyword("or"))
        {
            var op = Advance();
            left = Checked(new BinaryNode(BinaryOperator.Or, left, ParseAnd(), op.Position));
        }

        return left;
    }

    private ExpressionNode ParseAnd()
    {
        var left = ParseEquality();
        while (Current.Kind == TokenKind.AndAnd || IsKeyword("and"))
        {
            var op = Advance();
            left = Checked(new BinaryNode(BinaryOperator.And, left, ParseEquality(), op.Position));
        }

        return left;
    }

    private ExpressionNode ParseEquality()
    {
        var left = ParseAdditive();
        if (EqualityOperator() is not { } first)
        {
            return left;
        }

        var op = Advance();
        var node = Checked(new BinaryNode(first, left, ParseAdditive(), op.Position));
        if (EqualityOperator() is not null)
        {
            throw Unexpected(Current, "comparisons do not chain; add parentheses");
        }

        return node;
    }

    private BinaryOperator? EqualityOperator() => Current.Kind switch
    {
        TokenKind.Equal => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        _ when IsKeyword("eq") => BinaryOperator.Equal,
        _ when IsKeyword("ne") => BinaryOperator.NotEqual,
        _ => null,
    };

    private ExpressionNode ParseAdditive()
    {
        var left = ParseUnary();
        while (true)
        {
            if (Current.Kind == TokenKind.Minus)
            {
                throw Unexpected(Current, "arithmetic other than '+' is not supported in mappings");
            }

            if (Current.Kind != TokenKind.Plus)
            {
                return left;
            }

            var op = Advance();
            left = Checked(new BinaryNode(BinaryOperator.Add, left, ParseUnary(), op.Position));
        }
    }

    private ExpressionNode ParseUnary()
    {
        UnaryOperator? unary = Current.Kind switch
        {
            TokenKind.Bang => UnaryOperator.Not,
            TokenKind.Minus => UnaryOperator.Negate,
            _ when IsKeyword("not") => UnaryOperator.Not,
            _ => null,
        };
        if (unary is not { } op)
        {
            return ParsePostfix();
        }

        var token = Advance();
        Enter(token.Position);
        var node = Checked(new UnaryNode(op, ParseUnary(), token.Position));
        _nesting--;
        return node;
    }

    private ExpressionNode ParsePostfix()
    {
        var node = ParsePrimary();
        while (true)
        {
            if (Current.Kind is TokenKind.Dot or TokenKind.SafeDot)
            {
                // '?.' and '.' are the same here: every access already yields null through a missing attribute.
                var dot = Advance();
                var name = Expect(TokenKind.Identifier, $"expected a property name after '{dot.Text}'");
                if (Current.Kind == TokenKind.OpenParen)
                {
                    throw new ExpressionSyntaxException(
                        $"Method call '{name.Value}(…)' at position {name.Position} is not supported: mappings cannot call methods; use a library function such as #string.toLowerCase(value)",
                        name.Position);
                }

                node = node is AttributeNode attribute
                    ? new AttributeNode(attribute.Path.Append(name.Value), attribute.Position)
                    : Checked(new MemberNode(node, name.Value, dot.Position));
            }
            else if (Current.Kind == TokenKind.OpenBracket)
            {
                var open = Advance();
                var key = ParseExpression();
                Expect(TokenKind.CloseBracket, "expected ']'");
                node = node is AttributeNode attribute && key is LiteralNode { Value: StringValue { Value: var segment } }
                    ? new AttributeNode(attribute.Path.Append(segment), attribute.Position)
                    : Checked(new IndexNode(node, key, open.Position));
            }
            else
            {
                return node;
            }
        }
    }

    private ExpressionNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.String:
                Advance();
                return new LiteralNode(new StringValue(token.Value), token.Position);
            case TokenKind.Number:
                Advance();
                return new LiteralNode(new NumberValue(ParseNumber(token)), token.Position);
            case TokenKind.Identifier:
                return ParseIdentifier();
            case TokenKind.Variable:
                return ParseVariable();
            case TokenKind.OpenParen:
                Advance();
                var inner = ParseExpression();
                Expect(TokenKind.CloseParen, "expected ')'");
                return inner;
            case TokenKind.OpenBrace:
                return ParseInlineCollection();
            default:
                throw Unexpected(token, "expected an expression");
        }
    }

    private ExpressionNode ParseIdentifier()
    {
        var token = Advance();
        return token.Value switch
        {
            "true" => new LiteralNode(BooleanValue.True, token.Position),
            "false" => new LiteralNode(BooleanValue.False, token.Position),
            "null" => new LiteralNode(NullValue.Instance, token.Position),
            "and" or "or" or "not" or "eq" or "ne" => throw Unexpected(token, "expected an expression"),
            // PingOne's documented mapping form 'user.name.given': 'user' names the user being mapped, like #root.
            "user" => new AttributeNode(AttributePath.Root, token.Position),
            // A bare name is a property of the root object, as in SpEL: 'enabled' is '#root.enabled'.
            _ => new AttributeNode(AttributePath.Root.Append(token.Value), token.Position),
        };
    }

    private ExpressionNode ParseVariable()
    {
        var variable = Advance();
        if (variable.Value == "root")
        {
            return new AttributeNode(AttributePath.Root, variable.Position);
        }

        if (Current.Kind != TokenKind.Dot)
        {
            throw new ExpressionSyntaxException(
                $"Unknown variable '{variable.Text}' at position {variable.Position}: only #root and the function libraries ({FunctionLibrary.Names}) are available",
                variable.Position);
        }

        Advance();
        var name = Expect(TokenKind.Identifier, $"expected a function name after '{variable.Text}.'");
        if (!FunctionLibrary.Functions.TryGetValue($"{variable.Value}.{name.Value}", out var function))
        {
            throw new ExpressionSyntaxException(
                $"Unknown function '{variable.Text}.{name.Value}' at position {variable.Position}: available functions are {FunctionLibrary.Names}",
                variable.Position);
        }

        Expect(TokenKind.OpenParen, $"expected '(' after {function.QualifiedName}");
        var arguments = new List<ExpressionNode>();
        if (Current.Kind != TokenKind.CloseParen)
        {
            arguments.Add(ParseExpression());
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                arguments.Add(ParseExpression());
            }
        }

        Expect(TokenKind.CloseParen, "expected ',' or ')' in the argument list");
        if (!function.AcceptsArgumentCount(arguments.Count))
        {
            throw new ExpressionSyntaxException(
                $"Wrong number of arguments at position {variable.Position}: {function.Signature} cannot take {arguments.Count}",
                variable.Position);
        }

        function.CheckArguments?.Invoke(arguments);
        return Checked(new CallNode(function, arguments, variable.Position));
    }

    private ExpressionNode ParseInlineCollection()
    {
        var open = Advance();
        if (Current.Kind == TokenKind.CloseBrace)
        {
            Advance();
            return new ListLiteralNode([], open.Position);
        }

        if (Current.Kind == TokenKind.Colon && Peek(1).Kind == TokenKind.CloseBrace)
        {
            Advance();
            Advance();
            return new MapLiteralNode([], open.Position);
        }

        return Current.Kind is TokenKind.String or TokenKind.Number or TokenKind.Identifier && Peek(1).Kind == TokenKind.Colon
            ? ParseMapEntries(open)
            : ParseListItems(open);
    }

    private MapLiteralNode ParseMapEntries(Token open)
    {
        var entries = new List<KeyValuePair<string, ExpressionNode>>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            if (Current.Kind is not (TokenKind.String or TokenKind.Number or TokenKind.Identifier))
            {
                throw Unexpected(Current, "expected a map key (a string, number or name)");
            }

            var key = Advance();
            if (!keys.Add(key.Value))
            {
                // SpEL lets the last duplicate win; in a hand-written lookup table a repeated key is a typo.
                throw new ExpressionSyntaxException($"Duplicate map key {key.Describe()} at position {key.Position}", key.Position);
            }

            Expect(TokenKind.Colon, "expected ':' after the map key");
            entries.Add(KeyValuePair.Create(key.Value, ParseExpression()));
            if (Current.Kind != TokenKind.Comma)
            {
                Expect(TokenKind.CloseBrace, "expected ',' or '}' in the map");
                return Checked(new MapLiteralNode(entries, open.Position));
            }

            Advance();
        }
    }

    private ListLiteralNode ParseListItems(Token open)
    {
        var items = new List<ExpressionNode> { ParseExpression() };
        while (Current.Kind == TokenKind.Comma)
        {
            Advance();
            items.Add(ParseExpression());
        }

        Expect(TokenKind.CloseBrace, "expected ',' or '}' in the list");
        return Checked(new ListLiteralNode(items, open.Position));
    }

    private static decimal ParseNumber(Token token) =>
        decimal.TryParse(token.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ExpressionSyntaxException($"Number {token.Describe()} at position {token.Position} is too large", token.Position);

    private bool IsKeyword(string keyword) => Current.Kind == TokenKind.Identifier && Current.Value == keyword;

    private Token Peek(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    // The End token is never consumed, so Current is always valid.
    private Token Advance()
    {
        var token = _tokens[_index];
        if (token.Kind != TokenKind.End)
        {
            _index++;
        }

        return token;
    }

    private Token Expect(TokenKind kind, string expectation) =>
        Current.Kind == kind ? Advance() : throw Unexpected(Current, expectation);

    private void Enter(int position)
    {
        if (++_nesting > MappingExpression.MaxDepth)
        {
            throw TooDeep(position);
        }
    }

    private static T Checked<T>(T node)
        where T : ExpressionNode =>
        node.Depth > MappingExpression.MaxDepth ? throw TooDeep(node.Position) : node;

    private static ExpressionSyntaxException TooDeep(int position) =>
        new($"Expression nests deeper than {MappingExpression.MaxDepth} levels at position {position}", position);

    private static ExpressionSyntaxException Unexpected(Token token, string expectation) =>
        token.Kind == TokenKind.End
            ? new($"Unexpected end of expression at position {token.Position}: {expectation}", token.Position)
            : new($"Unexpected {token.Describe()} at position {token.Position}: {expectation}", token.Position);
}
