namespace CheckoutWatch.Detection.Events;

/// <summary>The snake_case wire names of <see cref="CheckoutEventType"/> and <see cref="FailureKind"/>.</summary>
public static class CheckoutEventTypeNames
{
    private static readonly string[] _typeNames =
    [
        "checkout_started", "payment_submitted", "payment_action_required", "payment_succeeded",
        "payment_failed", "checkout_completed", "checkout_abandoned",
    ];

    private static readonly string[] _failureNames = ["none", "declined", "error", "timeout"];

    public static IReadOnlyList<string> All => _typeNames;

    public static string ToWire(this CheckoutEventType type) => _typeNames[(int)type];

    public static string ToWire(this FailureKind kind) => _failureNames[(int)kind];

    public static bool TryParse(ReadOnlySpan<char> name, out CheckoutEventType type)
    {
        for (var i = 0; i < _typeNames.Length; i++)
        {
            if (name.SequenceEqual(_typeNames[i]))
            {
                type = (CheckoutEventType)i;
                return true;
            }
        }

        type = default;
        return false;
    }

    public static bool TryParseFailureKind(ReadOnlySpan<char> name, out FailureKind kind)
    {
        // "none" is not a wire value: a failure always has a kind.
        for (var i = 1; i < _failureNames.Length; i++)
        {
            if (name.SequenceEqual(_failureNames[i]))
            {
                kind = (FailureKind)i;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
