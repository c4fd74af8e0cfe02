using System.Text.Json;

namespace CheckoutWatch.Server.Apis;

/// <summary>
/// Credentials from an HTML form (<see cref="IsHtml"/>: answer with a redirect) or a small JSON
/// object of strings (answer with JSON).
/// </summary>
internal sealed class CredentialsForm
{
    private const int MaxFieldLength = 1024;
    private const int MaxBodyBytes = 16 * 1024;
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    public bool IsHtml { get; private init; }

    public IResult? Error { get; private init; }

    public string Get(string field) => _fields.GetValueOrDefault(field, "");

    public static async Task<CredentialsForm> ReadAsync(HttpRequest request, params string[] required)
    {
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return new CredentialsForm { Error = Problems.TooLarge($"A sign-in body has at most {MaxBodyBytes} bytes.") };
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            var html = new CredentialsForm { IsHtml = true };
            foreach (var (key, value) in form)
            {
                html._fields[key] = value.ToString();
            }

            return html.Check(required);
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return new CredentialsForm { Error = Problems.UnsupportedMediaType(request.ContentType, "Send a form or application/json.") };
        }

        var json = new CredentialsForm();
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new CredentialsForm { Error = Problems.BadBody(required[0], "The body must be a JSON object.") };
            }

            foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
            {
                json._fields[property.Name] = property.Value.GetString()!;
            }
        }
        catch (JsonException)
        {
            return new CredentialsForm { Error = Problems.BadBody(required[0], "The body is not valid JSON.") };
        }

        return json.Check(required);
    }

    private CredentialsForm Check(string[] required)
    {
        foreach (var field in required)
        {
            if (Get(field) is not { Length: > 0 and <= MaxFieldLength })
            {
                return new CredentialsForm { IsHtml = IsHtml, Error = Problems.BadBody(field, $"'{field}' is required (1–{MaxFieldLength} characters).") };
            }
        }

        return this;
    }
}
