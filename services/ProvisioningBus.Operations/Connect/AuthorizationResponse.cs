namespace ProvisioningBus.Operations.Connect;

/// <summary>What the consent page sent back to redirect_uri: a code, or an OAuth error, and the state to match.</summary>
public sealed record AuthorizationResponse(string? Code, string? State, string? Error, string? ErrorDescription)
{
    /// <summary>Reads a pasted redirect URL (or its query); a bare value without <c>=</c> is taken as the code itself.</summary>
    public static AuthorizationResponse Parse(string pasted)
    {
        var text = pasted.Trim();
        if (!text.Contains('='))
        {
            return new AuthorizationResponse(text, null, null, null);
        }

        var query = text.Contains('?') ? text[(text.IndexOf('?') + 1)..] : text;
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        string? Value(string name) => values.TryGetValue(name, out var value) && value.Count > 0 ? value[0] : null;
        return new AuthorizationResponse(Value("code"), Value("state"), Value("error"), Value("error_description"));
    }

    public override string ToString() => $"AuthorizationResponse {{ Code = {(Code is null ? "none" : "***")}, Error = {Error} }}";
}
