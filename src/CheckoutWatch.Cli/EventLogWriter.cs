using System.Text.Json;
using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Cli;

/// <summary>Writes events as NDJSON in the ingest wire format.</summary>
internal sealed class EventLogWriter(Stream stream) : IDisposable
{
    private static readonly byte[] _newline = "\n"u8.ToArray();
    private readonly Utf8JsonWriter _json = new(stream);

    public void Write(CheckoutEvent evt)
    {
        _json.Reset(stream);
        _json.WriteStartObject();
        _json.WriteString("eventId", evt.EventId);
        _json.WriteString("merchantId", evt.MerchantId);
        _json.WriteString("sessionId", evt.SessionId);
        _json.WriteString("type", evt.Type.ToWire());
        _json.WriteString("occurredAt", evt.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        if (evt.AmountMinor is { } amount) _json.WriteNumber("amountMinor", amount);
        Optional("currency", evt.Currency);
        Optional("psp", evt.Psp);
        Optional("paymentMethod", evt.PaymentMethod);
        Optional("cardNetwork", evt.CardNetwork);
        Optional("declineCode", evt.DeclineCode);
        if (evt.FailureKind != FailureKind.None) _json.WriteString("failureKind", evt.FailureKind.ToWire());
        Optional("country", evt.Country);
        _json.WriteEndObject();
        _json.Flush();
        stream.Write(_newline);
    }

    public void Dispose()
    {
        _json.Dispose();
        stream.Dispose();
    }

    private void Optional(string name, string? value)
    {
        if (value is not null) _json.WriteString(name, value);
    }
}
