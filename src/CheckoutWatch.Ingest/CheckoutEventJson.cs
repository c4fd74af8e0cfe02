using System.Buffers;
using System.Text.Json;
using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Ingest;

/// <summary>
/// Writes <see cref="CheckoutEvent"/>s in the exact wire format that <see cref="EventBatchParser"/>
/// reads: camelCase names, snake_case enum values, RFC 3339 timestamps (<c>Z</c> for UTC, the
/// offset otherwise, up to 7 fraction digits), null properties left out. A customer with no
/// field set is left out too, so it reads back as no customer.
/// </summary>
public static class CheckoutEventJson
{
    private static readonly byte[] _newLine = "\n"u8.ToArray();

    /// <summary>Writes one event as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, CheckoutEvent checkoutEvent)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(checkoutEvent);

        writer.WriteStartObject();
        writer.WriteString("eventId"u8, checkoutEvent.EventId);
        writer.WriteString("merchantId"u8, checkoutEvent.MerchantId);
        writer.WriteString("sessionId"u8, checkoutEvent.SessionId);
        writer.WriteString("type"u8, checkoutEvent.Type.ToWire());
        var occurredAt = checkoutEvent.OccurredAt;
        if (occurredAt.Offset == TimeSpan.Zero)
        {
            // A UTC DateTime is written with "Z"; a DateTimeOffset would get "+00:00".
            writer.WriteString("occurredAt"u8, occurredAt.UtcDateTime);
        }
        else
        {
            writer.WriteString("occurredAt"u8, occurredAt);
        }

        if (checkoutEvent.AmountMinor is { } amount)
        {
            writer.WriteNumber("amountMinor"u8, amount);
        }

        WriteOptional(writer, "currency"u8, checkoutEvent.Currency);
        WriteOptional(writer, "psp"u8, checkoutEvent.Psp);
        WriteOptional(writer, "paymentMethod"u8, checkoutEvent.PaymentMethod);
        WriteOptional(writer, "cardNetwork"u8, checkoutEvent.CardNetwork);
        WriteOptional(writer, "declineCode"u8, checkoutEvent.DeclineCode);
        if (checkoutEvent.FailureKind != FailureKind.None)
        {
            writer.WriteString("failureKind"u8, checkoutEvent.FailureKind.ToWire());
        }

        WriteOptional(writer, "country"u8, checkoutEvent.Country);
        if (checkoutEvent.Customer is { } customer
            && (customer.Id ?? customer.Name ?? customer.Email ?? customer.Phone) is not null)
        {
            writer.WriteStartObject("customer"u8);
            WriteOptional(writer, "id"u8, customer.Id);
            WriteOptional(writer, "name"u8, customer.Name);
            WriteOptional(writer, "email"u8, customer.Email);
            WriteOptional(writer, "phone"u8, customer.Phone);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the events as one JSON array (<c>application/json</c>).</summary>
    public static void WriteArray(Utf8JsonWriter writer, IEnumerable<CheckoutEvent> events)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(events);

        writer.WriteStartArray();
        foreach (var checkoutEvent in events)
        {
            Write(writer, checkoutEvent);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes the events as NDJSON (<c>application/x-ndjson</c>), each line ending in <c>\n</c>.</summary>
    public static void WriteNdjson(IBufferWriter<byte> output, IEnumerable<CheckoutEvent> events)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);

        using var writer = new Utf8JsonWriter(output);
        foreach (var checkoutEvent in events)
        {
            Write(writer, checkoutEvent);
            writer.Flush();
            output.Write(_newLine);

            // A Utf8JsonWriter accepts one root value; NDJSON is one root value per line.
            writer.Reset();
        }
    }

    /// <summary>The events as a UTF-8 JSON array body.</summary>
    public static byte[] ToJsonArray(IEnumerable<CheckoutEvent> events)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteArray(writer, events);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The events as a UTF-8 NDJSON body.</summary>
    public static byte[] ToNdjson(IEnumerable<CheckoutEvent> events)
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteNdjson(buffer, events);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
