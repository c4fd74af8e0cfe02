using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.LoadTests.Generator;

/// <summary>
/// Writes events in the wire format of the ingest contract: camelCase fields, snake_case enum
/// values, RFC 3339 UTC <c>occurredAt</c> ending in <c>Z</c>; a JSON array or NDJSON. Written by
/// hand with <see cref="Utf8JsonWriter"/> so the harness does not share code with the server's parser.
/// </summary>
public sealed class BatchWriter
{
    private static readonly JsonEncodedText _eventId = JsonEncodedText.Encode("eventId");
    private static readonly JsonEncodedText _merchantId = JsonEncodedText.Encode("merchantId");
    private static readonly JsonEncodedText _sessionId = JsonEncodedText.Encode("sessionId");
    private static readonly JsonEncodedText _type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText _occurredAt = JsonEncodedText.Encode("occurredAt");
    private static readonly JsonEncodedText _amountMinor = JsonEncodedText.Encode("amountMinor");
    private static readonly JsonEncodedText _currency = JsonEncodedText.Encode("currency");
    private static readonly JsonEncodedText _psp = JsonEncodedText.Encode("psp");
    private static readonly JsonEncodedText _paymentMethod = JsonEncodedText.Encode("paymentMethod");
    private static readonly JsonEncodedText _cardNetwork = JsonEncodedText.Encode("cardNetwork");
    private static readonly JsonEncodedText _declineCode = JsonEncodedText.Encode("declineCode");
    private static readonly JsonEncodedText _failureKind = JsonEncodedText.Encode("failureKind");
    private static readonly JsonEncodedText _country = JsonEncodedText.Encode("country");
    private static readonly JsonEncodedText _customer = JsonEncodedText.Encode("customer");
    private static readonly JsonEncodedText _id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText _name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText _email = JsonEncodedText.Encode("email");
    private static readonly JsonEncodedText _phone = JsonEncodedText.Encode("phone");
    private static readonly JsonEncodedText[] _types = [.. Enum.GetValues<CheckoutEventType>().Select(t => JsonEncodedText.Encode(t.ToWire()))];
    private static readonly JsonEncodedText[] _failureKinds = [.. Enum.GetValues<FailureKind>().Select(k => JsonEncodedText.Encode(k.ToWire()))];

    // '+' in phone numbers and non-ASCII names go out as they are; the body is never embedded in HTML.
    private static readonly JsonWriterOptions _writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly Utf8JsonWriter _writer = new(Stream.Null, _writerOptions);

    public BatchWriter(BatchFormat format, string runTag)
    {
        Format = format;
        RunTag = runTag;
    }

    public BatchFormat Format { get; }
    public string RunTag { get; }

    public string ContentType => Format == BatchFormat.Ndjson ? "application/x-ndjson" : "application/json";

    public void Write(IBufferWriter<byte> output, ReadOnlySpan<GeneratedEvent> events)
    {
        if (Format == BatchFormat.JsonArray)
        {
            _writer.Reset(output);
            _writer.WriteStartArray();
            foreach (ref readonly var evt in events)
            {
                WriteEvent(evt);
            }

            _writer.WriteEndArray();
            _writer.Flush();
            return;
        }

        foreach (ref readonly var evt in events)
        {
            _writer.Reset(output);
            WriteEvent(evt);
            _writer.Flush();
            output.Write("\n"u8);
        }
    }

    private void WriteEvent(in GeneratedEvent evt)
    {
        var w = _writer;
        Span<char> id = stackalloc char[96];
        w.WriteStartObject();
        w.WriteString(_eventId, EventId(id, evt.Session, evt.Sequence));
        w.WriteString(_merchantId, evt.Merchant.Id);
        w.WriteString(_sessionId, SessionId(id, evt.Session));
        w.WriteString(_type, _types[(int)evt.Type]);
        w.WriteString(_occurredAt, DateTime.SpecifyKind(evt.OccurredAt, DateTimeKind.Utc));
        if (evt.AmountMinor is { } amount)
        {
            w.WriteNumber(_amountMinor, amount);
            w.WriteString(_currency, evt.Merchant.Currency);
        }

        if (evt.Psp is not null)
        {
            w.WriteString(_psp, evt.Psp);
        }

        if (evt.PaymentMethod is not null)
        {
            w.WriteString(_paymentMethod, evt.PaymentMethod);
        }

        if (evt.CardNetwork is not null)
        {
            w.WriteString(_cardNetwork, evt.CardNetwork);
        }

        if (evt.Decline is { } decline)
        {
            w.WriteString(_declineCode, decline.Code);
            w.WriteString(_failureKind, _failureKinds[(int)decline.Kind]);
        }

        w.WriteString(_country, evt.Merchant.Country);
        if (evt.WithCustomer)
        {
            WriteCustomer(w, evt.Session);
        }

        w.WriteEndObject();
    }

    private ReadOnlySpan<char> EventId(Span<char> buffer, long session, int sequence)
    {
        var written = SessionId(buffer, session).Length;
        buffer[written++] = '-';
        sequence.TryFormat(buffer[written..], out var n, provider: CultureInfo.InvariantCulture);
        return buffer[..(written + n)];
    }

    private ReadOnlySpan<char> SessionId(Span<char> buffer, long session)
    {
        RunTag.AsSpan().CopyTo(buffer);
        var written = RunTag.Length;
        buffer[written++] = '-';
        session.TryFormat(buffer[written..], out var n, "x", CultureInfo.InvariantCulture);
        return buffer[..(written + n)];
    }

    private static void WriteCustomer(Utf8JsonWriter w, long session)
    {
        var first = PaymentCatalog.FirstNames[(int)(session % PaymentCatalog.FirstNames.Length)];
        var last = PaymentCatalog.LastNames[(int)(session / PaymentCatalog.FirstNames.Length % PaymentCatalog.LastNames.Length)];
        var number = session.ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject(_customer);
        w.WriteString(_id, "cus_" + number);
        w.WriteString(_name, first + " " + last);
        w.WriteString(_email, "customer" + number + "@example.com");
        w.WriteString(_phone, "+4915" + (session % 100_000_000).ToString("00000000", CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }
}
