namespace ProvisioningBus.Expressions;

/// <param name="Text">The token as written (quotes included), for error messages.</param>
/// <param name="Value">The decoded value of a string, number, identifier or variable token.</param>
internal sealed record Token(TokenKind Kind, string Text, string Value, int Position)
{
    public string Describe() => Kind == TokenKind.End ? "end of expression" : $"'{Text}'";
}
