using System.Globalization;
using System.Text.Json;
using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Cli;

/// <summary>
/// A forgiving NDJSON reader for backtests (the strict, validating parser lives in the ingest
/// project): one event per line in the wire format (camelCase fields, snake_case enums); blank
/// lines are skipped, lines that are not usable events are counted and skipped.
/// </summary>
internal static class EventLogReader
{
    public static (List<CheckoutEvent> Events, int Skipped) Read(TextReader reader)
    {
        var events = new List<CheckoutEvent>();
        var skipped = 0;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                if (Parse(doc.RootElement, lineNumber) is { } evt) events.Add(evt);
                else skipped++;
            }
            catch (JsonException)
            {
                skipped++;
            }
        }

        return (events, skipped);
    }

    private static CheckoutEvent? Parse(JsonElement e, int lineNumber)
    {
        if (e.ValueKind != JsonValueKind.Object) return null;
        var merchant = Text(e, "merchantId");
        var session = Text(e, "sessionId");
        var type = Text(e, "type");
        var occurred = Text(e, "occurredAt");
        if (merchant is null || session is null || type is null || occurred is null) return null;
        if (!CheckoutEventTypeNames.TryParse(type, out var eventType)) return null;
        if (!DateTimeOffset.TryParse(occurred, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return null;

        var failureKind = FailureKind.None;
        if (Text(e, "failureKind") is { } kind && CheckoutEventTypeNames.TryParseFailureKind(kind, out var parsed)) failureKind = parsed;
        if (eventType == CheckoutEventType.PaymentFailed && failureKind == FailureKind.None) failureKind = FailureKind.Declined;

        return new CheckoutEvent(Text(e, "eventId") ?? $"line-{lineNumber}", merchant, session, eventType, at)
        {
            AmountMinor = e.TryGetProperty("amountMinor", out var amount) && amount.TryGetInt64(out var minor) ? minor : null,
            Currency = Text(e, "currency"),
            Psp = Text(e, "psp"),
            PaymentMethod = Text(e, "paymentMethod"),
            CardNetwork = Text(e, "cardNetwork"),
            DeclineCode = Text(e, "declineCode"),
            FailureKind = failureKind,
            Country = Text(e, "country"),
        };
    }

    // Strings as they are; numbers (a decline code written as 51) as their text.
    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;
}
