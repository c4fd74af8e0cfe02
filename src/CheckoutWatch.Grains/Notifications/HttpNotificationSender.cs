using System.Net;
using System.Net.Http.Headers;
using CheckoutWatch.OnCall.Configuration;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Grains.Notifications;

/// <summary>
/// POSTs a notification as JSON. 2xx is delivered; 408, 429, 5xx and network errors are worth a
/// retry; other 4xx mean the receiver refuses this message, so retrying would not help.
/// </summary>
public sealed class HttpNotificationSender(HttpClient http, IOptions<EscalationOptions> options) : INotificationSender
{
    public async Task<SendResult> SendAsync(Uri url, byte[] body, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Delivery.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return SendResult.Ok;
            }

            var status = (int)response.StatusCode;
            var retryable = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            return new SendResult(false, retryable, $"HTTP {status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(false, true, "timed out");
        }
        catch (HttpRequestException ex)
        {
            return new SendResult(false, true, ex.HttpRequestError == HttpRequestError.Unknown ? "network error" : ex.HttpRequestError.ToString());
        }
    }
}
