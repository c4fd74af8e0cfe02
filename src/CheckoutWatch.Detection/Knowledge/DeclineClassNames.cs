namespace CheckoutWatch.Detection.Knowledge;

/// <summary>The snake_case wire names of <see cref="DeclineClass"/> and <see cref="WhoActs"/>.</summary>
public static class DeclineClassNames
{
    private static readonly string[] _classes =
    [
        "unknown", "technical", "merchant_config", "customer_fixable", "authentication_required", "hard_decline",
        "fraud_suspected",
    ];

    private static readonly string[] _who = ["customer", "payments_team", "nobody"];

    public static string ToWire(this DeclineClass declineClass) => _classes[(int)declineClass];

    public static string ToWire(this WhoActs who) => _who[(int)who];

    public static bool TryParse(string name, out DeclineClass declineClass)
    {
        var index = Array.IndexOf(_classes, name);
        declineClass = index >= 0 ? (DeclineClass)index : DeclineClass.Unknown;
        return index >= 0;
    }
}
