namespace CheckoutWatch.Ingest;

/// <summary>The stable machine codes of <see cref="ValidationError.Code"/>. Published: add, never rename.</summary>
public static class ValidationCodes
{
    /// <summary>A required property is missing or null.</summary>
    public const string Required = "required";

    /// <summary>A string is empty where at least one character is needed.</summary>
    public const string TooShort = "too_short";

    /// <summary>A string is longer than its limit (counted in UTF-16 code units).</summary>
    public const string TooLong = "too_long";

    /// <summary>The value has the right JSON type but not the required shape (timestamp, id characters, email, fraction...).</summary>
    public const string InvalidFormat = "invalid_format";

    /// <summary>The value is well-formed but not one of the allowed values (event type, failure kind, currency, country).</summary>
    public const string UnknownValue = "unknown_value";

    /// <summary>A number outside its range (negative or past int64).</summary>
    public const string OutOfRange = "out_of_range";

    /// <summary>A property that this event type must not carry (declineCode / failureKind outside payment_failed).</summary>
    public const string NotAllowed = "not_allowed";

    /// <summary>A property of the wrong JSON type (a number where a string belongs, or an item that is not an object).</summary>
    public const string WrongType = "wrong_type";

    /// <summary>occurredAt lies more than <see cref="IngestLimits.MaxEventAge"/> before the server's time.</summary>
    public const string TooFarInPast = "too_far_in_past";

    /// <summary>occurredAt lies more than <see cref="IngestLimits.MaxClockSkew"/> after the server's time.</summary>
    public const string TooFarInFuture = "too_far_in_future";

    /// <summary>The same property name appears twice in one object.</summary>
    public const string DuplicateProperty = "duplicate_property";

    /// <summary>A string contains a control character (U+0000–U+001F, U+007F–U+009F).</summary>
    public const string ControlCharacter = "control_character";

    /// <summary>A string is not valid UTF-8, or escapes a lone UTF-16 surrogate.</summary>
    public const string InvalidEncoding = "invalid_encoding";

    /// <summary>Objects or arrays are nested deeper than the customer object.</summary>
    public const string TooDeep = "too_deep";

    /// <summary>An NDJSON line is not one valid JSON value.</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>An event has more properties (its own, its customer's and those inside ignored values) than <see cref="IngestLimits.MaxPropertiesPerEvent"/>.</summary>
    public const string TooManyProperties = "too_many_properties";

    /// <summary>The event's session already holds the most distinct events a session may hold; it was not applied.</summary>
    public const string SessionFull = "session_full";
}
