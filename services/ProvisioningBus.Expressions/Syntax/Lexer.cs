using System.Text;

namespace ProvisioningBus.Expressions;

/// <summary>Splits expression text into tokens; every token keeps its 0-based offset for error messages.</summary>
internal sealed class Lexer
{
    private readonly string _text;
    private int _position;

    public Lexer(string text)
    {
        _text = text;
    }

    public IReadOnlyList<Token> Tokenize()
    {
        var tokens = new List<Token>();
        while (true)
        {
            SkipWhitespace();
            if (_position >= _text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", "", _text.Length));
                return tokens;
            }

            tokens.Add(Next());
        }
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private Token Next()
    {
        var start = _position;
        var c = _text[_position];
        if (c is '\'' or '"')
        {
            return ReadString(c);
        }

        if (char.IsAsciiDigit(c))
        {
            return ReadNumber();
        }

        if (IsIdentifierStart(c))
        {
            var name = ReadIdentifier();
            return new Token(TokenKind.Identifier, name, name, start);
        }

        if (c == '#')
        {
            _position++;
            if (_position >= _text.Length || !IsIdentifierStart(_text[_position]))
            {
                throw new ExpressionSyntaxException($"Unexpected '#' at position {start}: expected a name such as #root or #core", start);
            }

            var name = ReadIdentifier();
            return new Token(TokenKind.Variable, "#" + name, name, start);
        }

        return c switch
        {
            '+' => Symbol(TokenKind.Plus, 1),
            '-' => Symbol(TokenKind.Minus, 1),
            '=' when Peek(1) == '=' => Symbol(TokenKind.Equal, 2),
            '!' when Peek(1) == '=' => Symbol(TokenKind.NotEqual, 2),
            '!' => Symbol(TokenKind.Bang, 1),
            '&' when Peek(1) == '&' => Symbol(TokenKind.AndAnd, 2),
            '|' when Peek(1) == '|' => Symbol(TokenKind.OrOr, 2),
            '?' when Peek(1) == ':' => Symbol(TokenKind.Elvis, 2),
            '?' when Peek(1) == '.' => Symbol(TokenKind.SafeDot, 2),
            '?' => Symbol(TokenKind.Question, 1),
            ':' => Symbol(TokenKind.Colon, 1),
            '.' => Symbol(TokenKind.Dot, 1),
            ',' => Symbol(TokenKind.Comma, 1),
            '(' => Symbol(TokenKind.OpenParen, 1),
            ')' => Symbol(TokenKind.CloseParen, 1),
            '[' => Symbol(TokenKind.OpenBracket, 1),
            ']' => Symbol(TokenKind.CloseBracket, 1),
            '{' => Symbol(TokenKind.OpenBrace, 1),
            '}' => Symbol(TokenKind.CloseBrace, 1),
            '=' => throw Unsupported(start, "'=' (assignment) is not allowed in a mapping; use '==' to compare"),
            '&' => throw Unsupported(start, "use '&&' or 'and'"),
            '|' => throw Unsupported(start, "use '||' or 'or'"),
            _ => throw Unsupported(start, "this operator or character is not part of the mapping expression language"),
        };
    }

    private ExpressionSyntaxException Unsupported(int position, string hint) =>
        new($"Unexpected '{_text[position]}' at position {position}: {hint}", position);

    private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private Token Symbol(TokenKind kind, int length)
    {
        var token = new Token(kind, _text.Substring(_position, length), "", _position);
        _position += length;
        return token;
    }

    // SpEL strings: either quote, and the quote itself is escaped by doubling it ('''x''' is 'x' in quotes).
    private Token ReadString(char quote)
    {
        var start = _position;
        var value = new StringBuilder();
        _position++;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new ExpressionSyntaxException(
                    $"Unterminated string starting at position {start}: expected a closing {quote}", start);
            }

            var c = _text[_position++];
            if (c != quote)
            {
                value.Append(c);
            }
            else if (_position < _text.Length && _text[_position] == quote)
            {
                value.Append(quote);
                _position++;
            }
            else
            {
                return new Token(TokenKind.String, _text[start.._position], value.ToString(), start);
            }
        }
    }

    private Token ReadNumber()
    {
        var start = _position;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _position++;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }
        }

        if (_position < _text.Length && IsIdentifierStart(_text[_position]))
        {
            throw new ExpressionSyntaxException(
                $"Unexpected '{_text[_position]}' at position {_position}: number suffixes and hexadecimal numbers are not supported", _position);
        }

        var text = _text[start.._position];
        return new Token(TokenKind.Number, text, text, start);
    }

    private string ReadIdentifier()
    {
        var start = _position;
        while (_position < _text.Length && IsIdentifierPart(_text[_position]))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c);
}
