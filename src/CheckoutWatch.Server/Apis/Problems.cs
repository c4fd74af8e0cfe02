namespace CheckoutWatch.Server.Apis;

/// <summary>RFC 9457 problem answers of the public API, with stable type URIs (see docs/api.md).</summary>
internal static class Problems
{
    public const string Base = "https://checkoutwatch.dev/problems/";

    public static IResult MalformedBody(string detail) =>
        Problem(StatusCodes.Status400BadRequest, "malformed-body", "The body is not a JSON array or NDJSON of events.", detail);

    public static IResult TooLarge(string detail) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "too-large", "The request is too large.", detail);

    public static IResult UnsupportedMediaType(string? contentType) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Send application/json or application/x-ndjson.",
            contentType is null ? "The request has no Content-Type." : "The Content-Type is not a supported event format.");

    public static IResult OutOfScope(IEnumerable<string> merchants) =>
        Problem(StatusCodes.Status403Forbidden, "merchant-out-of-scope", "The batch names a merchant outside this key's scope.",
            $"Merchants not covered by the key: {string.Join(", ", merchants.Take(10))}. Nothing in the batch was applied.");

    public static IResult UnsupportedMediaType(string? contentType, string title) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", title,
            contentType is null ? "The request has no Content-Type." : $"'{contentType}' is not accepted here.");

    public static IResult Unauthorized(string detail) =>
        Problem(StatusCodes.Status401Unauthorized, "unauthorized", "Sign-in failed.", detail);

    public static IResult BadQuery(string parameter, string detail) =>
        Problem(StatusCodes.Status400BadRequest, "bad-query", $"The query parameter '{parameter}' is not valid.", detail);

    public static IResult BadBody(string field, string detail) =>
        Problem(StatusCodes.Status400BadRequest, "bad-body", $"The field '{field}' is not valid.", detail);

    public static IResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, "not-found", "Not found.", detail);

    public static IResult Conflict(string detail) =>
        Problem(StatusCodes.Status409Conflict, "conflict", "The alert is not in a state that allows this.", detail);

    private static IResult Problem(int status, string type, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail, type: Base + type);
}
