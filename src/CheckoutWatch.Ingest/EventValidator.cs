using System.Buffers;
using System.Globalization;
using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Ingest;

/// <summary>
/// The contract's rules on values that <see cref="EventReader"/> has decoded: character sets and
/// shapes, the time window, and which properties each event type needs or must not carry.
/// </summary>
internal static class EventValidator
{
    public const int MaxIdLength = 128;
    public const int MaxMerchantIdLength = 64;
    public const int MaxDimensionLength = 64;
    public const int MaxDeclineCodeLength = 32;
    public const int MaxCustomerIdLength = 128;
    public const int MaxCustomerNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxPhoneLength = 32;

    public static readonly string AllowedTypesMessage =
        "must be one of: " + string.Join(", ", CheckoutEventTypeNames.All);

    public const string AllowedFailureKindsMessage = "must be one of: declined, error, timeout";

    private static readonly SearchValues<char> _merchantIdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    private static readonly SearchValues<char> _phoneChars = SearchValues.Create("0123456789 +-()");

    /// <summary>Unicode category Cc: C0 controls, DEL and C1 controls.</summary>
    public static bool HasControlCharacter(ReadOnlySpan<char> text) =>
        text.ContainsAnyInRange('\u0000', '\u001F') || text.ContainsAnyInRange('\u007F', '\u009F');

    public static bool IsMerchantId(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(_merchantIdChars);

    /// <summary>One '@' with text on both sides and no white space; deliverability is not our concern.</summary>
    public static bool IsEmail(ReadOnlySpan<char> text)
    {
        var at = text.IndexOf('@');
        return at > 0
            && at < text.Length - 1
            && text[(at + 1)..].IndexOf('@') < 0
            && !text.ContainsAny(' ', '\u00A0');
    }

    /// <summary>Digits, spaces, '+', '-' and parentheses, with at least one digit.</summary>
    public static bool IsPhone(ReadOnlySpan<char> text) =>
        !text.ContainsAnyExcept(_phoneChars) && text.ContainsAnyInRange('0', '9');

    public static bool IsUpperLetters(ReadOnlySpan<char> text, int length) =>
        text.Length == length && !text.ContainsAnyExceptInRange('A', 'Z');

    public static bool IsPaymentEvent(CheckoutEventType type) => type is CheckoutEventType.PaymentSubmitted
        or CheckoutEventType.PaymentActionRequired
        or CheckoutEventType.PaymentSucceeded
        or CheckoutEventType.PaymentFailed;

    /// <summary>Exactly at either limit is accepted; one tick past it is not.</summary>
    public static bool IsInWindow(
        DateTimeOffset occurredAt, DateTimeOffset now, IngestLimits limits, List<ValidationError> errors)
    {
        if (now - occurredAt > limits.MaxEventAge)
        {
            errors.Add(new ValidationError(
                "occurredAt",
                ValidationCodes.TooFarInPast,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"is more than {Describe(limits.MaxEventAge)} before the server time {now.UtcDateTime:O}")));
            return false;
        }

        if (occurredAt - now > limits.MaxClockSkew)
        {
            errors.Add(new ValidationError(
                "occurredAt",
                ValidationCodes.TooFarInFuture,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"is more than {Describe(limits.MaxClockSkew)} after the server time {now.UtcDateTime:O}; check the sender's clock")));
            return false;
        }

        return true;
    }

    /// <summary>
    /// The rules across properties. Type-dependent ones run only when the type itself was valid:
    /// without a type there is nothing to check them against.
    /// </summary>
    public static void CheckPresence(in RawEvent raw, List<ValidationError> errors)
    {
        Require(raw, EventField.EventId, errors);
        Require(raw, EventField.MerchantId, errors);
        Require(raw, EventField.SessionId, errors);
        Require(raw, EventField.Type, errors);
        Require(raw, EventField.OccurredAt, errors);
        if (raw.Type is not { } type)
        {
            return;
        }

        if (IsPaymentEvent(type))
        {
            Require(raw, EventField.AmountMinor, errors, " on payment events");
            Require(raw, EventField.Currency, errors, " on payment events");
            Require(raw, EventField.Psp, errors, " on payment events");
            Require(raw, EventField.PaymentMethod, errors, " on payment events");
        }
        else if (raw.Has(EventField.AmountMinor) != raw.Has(EventField.Currency))
        {
            // An amount means nothing without its currency, and a currency nothing without an amount.
            Require(raw, EventField.AmountMinor, errors, " when currency is given");
            Require(raw, EventField.Currency, errors, " when amountMinor is given");
        }

        if (type == CheckoutEventType.PaymentFailed)
        {
            Require(raw, EventField.FailureKind, errors, " on payment_failed");
            return;
        }

        NotAllowed(raw, EventField.DeclineCode, type, errors);
        NotAllowed(raw, EventField.FailureKind, type, errors);
    }

    /// <summary>Builds the event from a <see cref="RawEvent"/> that produced no error.</summary>
    public static CheckoutEvent Build(in RawEvent raw) =>
        new(raw.EventId!, raw.MerchantId!, raw.SessionId!, raw.Type!.Value, raw.OccurredAt!.Value)
        {
            AmountMinor = raw.AmountMinor,
            Currency = raw.Currency,
            Psp = raw.Psp,
            PaymentMethod = raw.PaymentMethod,
            CardNetwork = raw.CardNetwork,
            DeclineCode = raw.DeclineCode,
            FailureKind = raw.FailureKind ?? FailureKind.None,
            Country = raw.Country,
            Customer = raw.Customer,
        };

    private static void Require(in RawEvent raw, EventField field, List<ValidationError> errors, string when = "")
    {
        if (!raw.Has(field))
        {
            errors.Add(new ValidationError(FieldNames.Of(field), ValidationCodes.Required, "is required" + when));
        }
    }

    private static void NotAllowed(in RawEvent raw, EventField field, CheckoutEventType type, List<ValidationError> errors)
    {
        if (raw.Has(field))
        {
            errors.Add(new ValidationError(
                FieldNames.Of(field),
                ValidationCodes.NotAllowed,
                $"is allowed on payment_failed only, not on {type.ToWire()}"));
        }
    }

    private static string Describe(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)span.TotalHours} h"
        : span.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{(long)span.TotalMinutes} min"
        : span.ToString("c", CultureInfo.InvariantCulture);
}
