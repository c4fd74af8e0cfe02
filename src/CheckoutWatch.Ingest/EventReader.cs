using System.Text.Json;
using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Ingest;

/// <summary>
/// Reads one item of a batch from a <see cref="Utf8JsonReader"/> positioned on its first token and
/// leaves the reader on its last token. Everything about the item is collected, not just the first
/// problem. Not thread-safe: each thread keeps one (see <see cref="ForBatch"/>) and reuses its
/// buffers from batch to batch. Malformed JSON is not handled here: the reader's
/// <see cref="JsonException"/> propagates.
/// </summary>
internal sealed partial class EventReader
{
    // Text is decoded into a reused buffer before it becomes a string. A value longer than 6 raw
    // bytes per allowed char (the size of a \uXXXX escape) is too long without decoding; a shorter
    // one decodes into at most its raw length in chars, so 6 × the longest limit always fits.
    private const int MaxTextChars = 256;
    private const int MaxTimestampBytes = 64;
    private const int MaxEchoedNameChars = 64;

    // Enough to tell a client everything about a real event; a hostile one (thousands of
    // duplicate properties) must not turn into a response larger than its request.
    private const int MaxErrorsPerItem = 32;

    // An item with more unknown properties than this drops its set instead of clearing it, as
    // clearing costs the set's capacity, not its count.
    private const int MaxRetainedUnknownNames = 64;

    [ThreadStatic]
    private static EventReader? _threadReader;

    private readonly char[] _text = new char[MaxTextChars * 6];
    private readonly byte[] _scratch = new byte[256];
    private readonly List<ValidationError> _errors = [];
    private readonly StringPool _pool = new();

    private IngestLimits _limits = IngestLimits.Default;
    private DateTimeOffset _now;

    // Made per batch, and only when an item has unknown properties, so that a hostile batch
    // with many of them leaves no large set behind.
    private HashSet<string>? _unknownNames;
    private HashSet<string>? _unknownCustomerNames;
    private int _itemDepth;
    private bool _tooDeepReported;
    private int _propertyCount;

    private EventReader()
    {
    }

    /// <summary>This thread's reader, reset for a new batch.</summary>
    public static EventReader ForBatch(IngestLimits limits, DateTimeOffset now)
    {
        var reader = _threadReader ??= new EventReader();
        reader._limits = limits;
        reader._now = now;
        reader._unknownNames = null;
        reader._unknownCustomerNames = null;
        reader._pool.Trim();
        return reader;
    }

    public ParsedItem Read(ref Utf8JsonReader reader, int index)
    {
        _errors.Clear();
        _tooDeepReported = false;
        _propertyCount = 0;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            AddError("$", ValidationCodes.WrongType, $"each event must be a JSON object, not {Describe(reader.TokenType)}");
            reader.Skip();
            return Rejected(index, null);
        }

        _itemDepth = reader.CurrentDepth;
        Forget(ref _unknownNames);
        var raw = default(RawEvent);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadProperty(ref reader, ref raw);
        }

        EventValidator.CheckPresence(raw, _errors);
        return _errors.Count == 0
            ? new ParsedItem(index, EventValidator.Build(raw), raw.EventId, [])
            : Rejected(index, raw.EventId);
    }

    /// <summary>The item for an NDJSON line that is not one JSON value.</summary>
    public static ParsedItem MalformedLine(int index, int lineNumber, JsonException exception) =>
        new(index, null, null, [new ValidationError("$", ValidationCodes.InvalidJson, JsonErrorText.DescribeLine(lineNumber, exception))]);

    private ParsedItem Rejected(int index, string? eventId) => new(index, null, eventId, _errors.ToArray());

    private void ReadProperty(ref Utf8JsonReader reader, ref RawEvent raw)
    {
        CountProperty();
        var field = FieldNames.MatchEvent(NameOf(ref reader));
        if (field == EventField.Unknown)
        {
            // Unknown properties are ignored (forward compatibility) but still checked for
            // duplicates and depth.
            var path = NoteUnknownName(ref reader, _unknownNames ??= new(StringComparer.Ordinal), "");
            reader.Read();
            SkipValue(ref reader, path);
            return;
        }

        var name = FieldNames.Of(field);
        var bit = 1 << (int)field;
        reader.Read();
        if ((raw.Named & bit) != 0)
        {
            AddError(name, ValidationCodes.DuplicateProperty, "appears more than once in the event");
            SkipValue(ref reader, name);
            return;
        }

        raw.Named |= bit;
        if (reader.TokenType == JsonTokenType.Null)
        {
            // null is the same as leaving the property out.
            return;
        }

        raw.Present |= bit;
        switch (field)
        {
            case EventField.EventId:
                if (TryReadText(ref reader, name, EventValidator.MaxIdLength, out var eventId))
                {
                    raw.EventId = new string(eventId);
                }

                break;
            case EventField.MerchantId:
                raw.MerchantId = ReadMerchantId(ref reader, name);
                break;
            case EventField.SessionId:
                if (TryReadText(ref reader, name, EventValidator.MaxIdLength, out var sessionId))
                {
                    raw.SessionId = new string(sessionId);
                }

                break;
            case EventField.Type:
                raw.Type = ReadType(ref reader, name);
                break;
            case EventField.OccurredAt:
                raw.OccurredAt = ReadTimestamp(ref reader, name);
                break;
            case EventField.AmountMinor:
                raw.AmountMinor = ReadAmount(ref reader, name);
                break;
            case EventField.Currency:
                raw.Currency = ReadCode(ref reader, name, 3, "three upper-case letters (ISO 4217), such as EUR");
                break;
            case EventField.Country:
                raw.Country = ReadCode(ref reader, name, 2, "two upper-case letters (ISO 3166-1 alpha-2), such as DE");
                break;
            case EventField.Psp:
                raw.Psp = ReadPooledText(ref reader, name, EventValidator.MaxDimensionLength);
                break;
            case EventField.PaymentMethod:
                raw.PaymentMethod = ReadPooledText(ref reader, name, EventValidator.MaxDimensionLength);
                break;
            case EventField.CardNetwork:
                raw.CardNetwork = ReadPooledText(ref reader, name, EventValidator.MaxDimensionLength);
                break;
            case EventField.DeclineCode:
                raw.DeclineCode = ReadPooledText(ref reader, name, EventValidator.MaxDeclineCodeLength);
                break;
            case EventField.FailureKind:
                raw.FailureKind = ReadFailureKind(ref reader, name);
                break;
            case EventField.Customer:
                raw.Customer = ReadCustomer(ref reader, name);
                break;
        }
    }

    private CustomerInfo? ReadCustomer(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            WrongType(ref reader, name, "an object");
            return null;
        }

        Forget(ref _unknownCustomerNames);
        var named = 0;
        string? id = null, fullName = null, email = null, phone = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            CountProperty();
            var field = FieldNames.MatchCustomer(NameOf(ref reader));
            if (field == CustomerField.Unknown)
            {
                var unknownPath = NoteUnknownName(ref reader, _unknownCustomerNames ??= new(StringComparer.Ordinal), "customer.");
                reader.Read();
                SkipValue(ref reader, unknownPath);
                continue;
            }

            var path = FieldNames.Of(field);
            var bit = 1 << (int)field;
            reader.Read();
            if ((named & bit) != 0)
            {
                AddError(path, ValidationCodes.DuplicateProperty, "appears more than once in the customer");
                SkipValue(ref reader, path);
                continue;
            }

            named |= bit;
            var maxLength = field switch
            {
                CustomerField.Id => EventValidator.MaxCustomerIdLength,
                CustomerField.Name => EventValidator.MaxCustomerNameLength,
                CustomerField.Email => EventValidator.MaxEmailLength,
                _ => EventValidator.MaxPhoneLength,
            };

            // Customer fields are optional personal data: null or "" both mean "not given".
            if (reader.TokenType == JsonTokenType.Null
                || !TryReadText(ref reader, path, maxLength, out var text, allowEmpty: true)
                || text.IsEmpty)
            {
                continue;
            }

            switch (field)
            {
                case CustomerField.Id:
                    id = new string(text);
                    break;
                case CustomerField.Name:
                    fullName = new string(text);
                    break;
                case CustomerField.Email when EventValidator.IsEmail(text):
                    email = new string(text);
                    break;
                case CustomerField.Email:
                    AddError(path, ValidationCodes.InvalidFormat, "must contain one '@' with text on both sides and no spaces");
                    break;
                case CustomerField.Phone when EventValidator.IsPhone(text):
                    phone = new string(text);
                    break;
                case CustomerField.Phone:
                    AddError(path, ValidationCodes.InvalidFormat, "may contain only digits, spaces, '+', '-' and parentheses");
                    break;
            }
        }

        return (id ?? fullName ?? email ?? phone) is null ? null : new CustomerInfo(id, fullName, email, phone);
    }
}
