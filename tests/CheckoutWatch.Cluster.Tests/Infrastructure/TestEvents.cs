using System.Globalization;

namespace CheckoutWatch.Cluster.Tests.Infrastructure;

/// <summary>Wire-format events, the same JSON for HTTP and the stream.</summary>
internal static class TestEvents
{
    public static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static string Started(string merchant, string session, string id) =>
        $$"""{"eventId":"{{id}}","merchantId":"{{merchant}}","sessionId":"{{session}}","type":"checkout_started","occurredAt":"{{Now()}}"}""";

    public static string Payment(string merchant, string session, string type, string? failure = null, string? declineCode = null, string psp = "stripe") =>
        $$"""{"eventId":"{{Guid.NewGuid():N}}","merchantId":"{{merchant}}","sessionId":"{{session}}","type":"{{type}}","occurredAt":"{{Now()}}","amountMinor":4999,"currency":"EUR","psp":"{{psp}}","paymentMethod":"card","cardNetwork":"visa"{{(failure is null ? "" : $",\"failureKind\":\"{failure}\"")}}{{(declineCode is null ? "" : $",\"declineCode\":\"{declineCode}\"")}}}""";

    public static string Array(IEnumerable<string> events) => "[" + string.Join(",", events) + "]";

    public static string NewMerchant(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";
}
