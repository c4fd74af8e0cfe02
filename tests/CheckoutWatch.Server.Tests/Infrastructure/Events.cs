using System.Globalization;

namespace CheckoutWatch.Server.Tests.Infrastructure;

/// <summary>Builds wire-format event JSON for tests.</summary>
internal static class Events
{
    public static string Now(int secondsAgo = 0) =>
        DateTimeOffset.UtcNow.AddSeconds(-secondsAgo).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static string Started(string merchant, string session, string? id = null) =>
        $$"""{"eventId":"{{id ?? Guid.NewGuid().ToString("N")}}","merchantId":"{{merchant}}","sessionId":"{{session}}","type":"checkout_started","occurredAt":"{{Now()}}"}""";

    public static string Payment(string merchant, string session, string type, string? id = null, string psp = "stripe", string? failure = null, string? declineCode = null, long amount = 4999) =>
        $$"""{"eventId":"{{id ?? Guid.NewGuid().ToString("N")}}","merchantId":"{{merchant}}","sessionId":"{{session}}","type":"{{type}}","occurredAt":"{{Now()}}","amountMinor":{{amount}},"currency":"EUR","psp":"{{psp}}","paymentMethod":"card","cardNetwork":"visa"{{(failure is null ? "" : $",\"failureKind\":\"{failure}\"")}}{{(declineCode is null ? "" : $",\"declineCode\":\"{declineCode}\"")}}}""";

    public static string Array(params string[] events) => "[" + string.Join(",", events) + "]";

    public static string Ndjson(params string[] events) => string.Join("\n", events) + "\n";
}
