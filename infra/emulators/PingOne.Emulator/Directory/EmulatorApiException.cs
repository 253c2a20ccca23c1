namespace PingOne.Emulator.Directory;

/// <summary>A request PingOne would refuse; rendered as a P1Error body with <see cref="StatusCode"/>.</summary>
public sealed class EmulatorApiException : Exception
{
    public EmulatorApiException()
    {
    }

    public EmulatorApiException(string message)
        : base(message)
    {
    }

    public EmulatorApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EmulatorApiException(int statusCode, string code, string message, string? detailCode = null, string? target = null)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        DetailCode = detailCode;
        Target = target;
    }

    public int StatusCode { get; } = 400;

    public string Code { get; } = "INVALID_DATA";

    public string? DetailCode { get; }

    public string? Target { get; }

    public static EmulatorApiException NotFound(string what) =>
        new(404, "NOT_FOUND", $"Unable to find {what}");

    public static EmulatorApiException Invalid(string message, string? target = null, string detailCode = "INVALID_VALUE") =>
        new(400, "INVALID_DATA", message, detailCode, target);
}
