namespace CheckoutWatch.Grains.Notifications;

/// <summary>Sends one notification body to an endpoint (HTTP in the node).</summary>
public interface INotificationSender
{
    Task<SendResult> SendAsync(Uri url, byte[] body, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken);
}
