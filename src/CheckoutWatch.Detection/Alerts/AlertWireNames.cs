namespace CheckoutWatch.Detection.Alerts;

/// <summary>The snake_case wire names of the alert enums, as the board contract spells them.</summary>
public static class AlertWireNames
{
    private static readonly string[] _kinds =
    [
        "payment_failure_spike", "traffic_drop", "stuck_sessions", "session_stuck", "repeated_payment_failures",
        "duplicate_charge",
    ];

    private static readonly string[] _severities = ["minor", "major", "critical"];
    private static readonly string[] _changes = ["opened", "updated", "resolved", "reopened"];

    private static readonly string[] _dimensions =
        ["merchant", "psp", "payment_method", "card_network", "decline_code", "decline_class"];

    public static string ToWire(this AlertKind kind) => _kinds[(int)kind];

    public static string ToWire(this AlertSeverity severity) => _severities[(int)severity];

    public static string ToWire(this ChangeKind change) => _changes[(int)change];

    public static string ToWire(this DimensionKind dimension) => _dimensions[(int)dimension];

    public static bool TryParseKind(string name, out AlertKind kind) => TryParse(_kinds, name, out kind);

    public static bool TryParseSeverity(string name, out AlertSeverity severity) => TryParse(_severities, name, out severity);

    public static bool TryParseDimension(string name, out DimensionKind dimension) => TryParse(_dimensions, name, out dimension);

    /// <summary>The alert kind that carries a per-session finding into the outreach queue.</summary>
    public static AlertKind ToAlertKind(this Sessions.SessionFindingKind kind) => kind switch
    {
        Sessions.SessionFindingKind.SessionStuck => AlertKind.SessionStuck,
        Sessions.SessionFindingKind.RepeatedPaymentFailures => AlertKind.RepeatedPaymentFailures,
        _ => AlertKind.DuplicateCharge,
    };

    private static bool TryParse<T>(string[] names, string name, out T value)
        where T : struct, Enum
    {
        var index = Array.IndexOf(names, name);
        value = index >= 0 ? (T)(object)index : default;
        return index >= 0;
    }
}
