using System.Diagnostics;
using System.Text.Json;
using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Ingest;

/// <summary>Reading single property values: type checks, decoding and the per-field rules.</summary>
internal sealed partial class EventReader
{
    private string? ReadMerchantId(ref Utf8JsonReader reader, string name)
    {
        if (!TryReadText(ref reader, name, EventValidator.MaxMerchantIdLength, out var text))
        {
            return null;
        }

        if (!EventValidator.IsMerchantId(text))
        {
            AddError(name, ValidationCodes.InvalidFormat, "may contain only A-Z, a-z, 0-9, '.', '_' and '-'");
            return null;
        }

        return _pool.Get(text);
    }

    private string? ReadPooledText(ref Utf8JsonReader reader, string name, int maxLength) =>
        TryReadText(ref reader, name, maxLength, out var text) ? _pool.Get(text) : null;

    private CheckoutEventType? ReadType(ref Utf8JsonReader reader, string name)
    {
        if (!TryReadSymbol(ref reader, name, out var text))
        {
            return null;
        }

        if (CheckoutEventTypeNames.TryParse(text, out var type))
        {
            return type;
        }

        AddError(name, ValidationCodes.UnknownValue, EventValidator.AllowedTypesMessage);
        return null;
    }

    private FailureKind? ReadFailureKind(ref Utf8JsonReader reader, string name)
    {
        if (!TryReadSymbol(ref reader, name, out var text))
        {
            return null;
        }

        if (CheckoutEventTypeNames.TryParseFailureKind(text, out var kind))
        {
            return kind;
        }

        AddError(name, ValidationCodes.UnknownValue, EventValidator.AllowedFailureKindsMessage);
        return null;
    }

    /// <summary>A string that must be one of a few ASCII words; false when it is not a decodable string.</summary>
    private bool TryReadSymbol(ref Utf8JsonReader reader, string name, out ReadOnlySpan<char> text)
    {
        text = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            WrongType(ref reader, name, "a string");
            return false;
        }

        switch (Decode(ref reader, 32, out text))
        {
            case TextStatus.InvalidEncoding:
                AddError(name, ValidationCodes.InvalidEncoding, "is not valid UTF-8 or escapes a lone surrogate");
                return false;
            case TextStatus.TooLong:
                // Longer than any allowed word: an unknown value, reported by the caller.
                text = [];
                return true;
            default:
                return true;
        }
    }

    private string? ReadCode(ref Utf8JsonReader reader, string name, int length, string shape)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            WrongType(ref reader, name, "a string");
            return null;
        }

        var status = Decode(ref reader, 16, out var text);
        if (status == TextStatus.InvalidEncoding)
        {
            AddError(name, ValidationCodes.InvalidEncoding, "is not valid UTF-8 or escapes a lone surrogate");
            return null;
        }

        if (status == TextStatus.TooLong || !EventValidator.IsUpperLetters(text, length))
        {
            AddError(name, ValidationCodes.InvalidFormat, "must be " + shape);
            return null;
        }

        if (length == 3 ? IsoCurrencies.TryGet(text, out var code) : IsoCountries.TryGet(text, out code))
        {
            return code;
        }

        AddError(name, ValidationCodes.UnknownValue, length == 3
            ? "is not an active ISO 4217 currency code"
            : "is not an assigned ISO 3166-1 alpha-2 country code");
        return null;
    }

    private DateTimeOffset? ReadTimestamp(ref Utf8JsonReader reader, string name)
    {
        const string example = "an RFC 3339 timestamp with an offset, such as 2025-01-31T12:00:00Z or 2025-01-31T13:00:00+01:00";
        if (reader.TokenType != JsonTokenType.String)
        {
            WrongType(ref reader, name, "a string holding " + example);
            return null;
        }

        ReadOnlySpan<byte> bytes;
        if (!reader.ValueIsEscaped)
        {
            bytes = reader.ValueSpan;
        }
        else if (reader.ValueSpan.Length > _scratch.Length)
        {
            bytes = reader.ValueSpan;
        }
        else
        {
            try
            {
                bytes = _scratch.AsSpan(0, reader.CopyString(_scratch));
            }
            catch (InvalidOperationException)
            {
                AddError(name, ValidationCodes.InvalidEncoding, "is not valid UTF-8 or escapes a lone surrogate");
                return null;
            }
        }

        var value = default(DateTimeOffset);
        var status = bytes.Length > MaxTimestampBytes ? Rfc3339Status.Invalid : Rfc3339.TryParse(bytes, out value);
        switch (status)
        {
            case Rfc3339Status.Ok:
                return EventValidator.IsInWindow(value, _now, _limits, _errors) ? value : null;
            case Rfc3339Status.MissingOffset:
                AddError(name, ValidationCodes.InvalidFormat, "has no offset: add Z (UTC) or ±hh:mm, as in 2025-01-31T12:00:00Z");
                return null;
            case Rfc3339Status.OffsetOutOfRange:
                AddError(name, ValidationCodes.InvalidFormat, "has an offset beyond ±14:00");
                return null;
            default:
                AddError(name, ValidationCodes.InvalidFormat, "must be " + example);
                return null;
        }
    }

    private long? ReadAmount(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            WrongType(ref reader, name, "an integer number of minor units");
            return null;
        }

        if (reader.TryGetInt64(out var amount))
        {
            if (amount >= 0)
            {
                return amount;
            }

            AddError(name, ValidationCodes.OutOfRange, "must not be negative");
            return null;
        }

        if (reader.ValueSpan.ContainsAny((byte)'.', (byte)'e', (byte)'E'))
        {
            AddError(name, ValidationCodes.InvalidFormat, "must be a whole number of minor units, without fraction or exponent");
        }
        else
        {
            AddError(name, ValidationCodes.OutOfRange, $"must be between 0 and {long.MaxValue}");
        }

        return null;
    }

    /// <summary>
    /// A string field with a length limit: checks type, length (UTF-16 code units), encoding and
    /// control characters, and reports each failure under <paramref name="name"/>.
    /// </summary>
    private bool TryReadText(
        ref Utf8JsonReader reader, string name, int maxLength, out ReadOnlySpan<char> text, bool allowEmpty = false)
    {
        text = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            WrongType(ref reader, name, "a string");
            return false;
        }

        switch (Decode(ref reader, maxLength, out text))
        {
            case TextStatus.TooLong:
                AddError(name, ValidationCodes.TooLong, $"must be at most {maxLength} characters");
                return false;
            case TextStatus.InvalidEncoding:
                AddError(name, ValidationCodes.InvalidEncoding, "is not valid UTF-8 or escapes a lone surrogate");
                return false;
        }

        if (text.IsEmpty && !allowEmpty)
        {
            AddError(name, ValidationCodes.TooShort, "must not be empty");
            return false;
        }

        if (EventValidator.HasControlCharacter(text))
        {
            AddError(name, ValidationCodes.ControlCharacter, "must not contain control characters");
            return false;
        }

        return true;
    }

    private TextStatus Decode(ref Utf8JsonReader reader, int maxLength, out ReadOnlySpan<char> text)
    {
        Debug.Assert(maxLength * 6 <= _text.Length, "the buffer must hold any value that may pass");
        text = default;
        if (reader.ValueSpan.Length > maxLength * 6)
        {
            return TextStatus.TooLong;
        }

        int length;
        try
        {
            length = reader.CopyString(_text);
        }
        catch (InvalidOperationException)
        {
            return TextStatus.InvalidEncoding;
        }

        if (length > maxLength)
        {
            return TextStatus.TooLong;
        }

        text = _text.AsSpan(0, length);
        return TextStatus.Ok;
    }
}
