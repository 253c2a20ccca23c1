namespace ProvisioningBus.Expressions;

internal enum TokenKind
{
    End,
    String,
    Number,
    Identifier,
    /// <summary><c>#name</c>: <c>#root</c> or a function library such as <c>#core</c>.</summary>
    Variable,
    Plus,
    Minus,
    Equal,
    NotEqual,
    AndAnd,
    OrOr,
    Bang,
    Question,
    Elvis,
    SafeDot,
    Colon,
    Dot,
    Comma,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    OpenBrace,
    CloseBrace,
}
