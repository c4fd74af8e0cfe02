namespace CheckoutWatch.Abstractions.Outreach;

/// <summary>The snake_case names reasons, statuses and outcomes carry in the API, the hub and the docs.</summary>
public static class OutreachWireNames
{
    private static readonly Dictionary<OutreachReason, string> _reasons = new()
    {
        [OutreachReason.StuckAtPayment] = "stuck_at_payment",
        [OutreachReason.RepeatedFailures] = "repeated_failures",
        [OutreachReason.DuplicateCharge] = "duplicate_charge",
        [OutreachReason.IncidentFailure] = "incident_failure",
    };

    private static readonly Dictionary<OutreachOutcome, string> _outcomes = new()
    {
        [OutreachOutcome.None] = "none",
        [OutreachOutcome.Recovered] = "recovered",
        [OutreachOutcome.Refunded] = "refunded",
        [OutreachOutcome.NoAnswer] = "no_answer",
        [OutreachOutcome.DeclinedHelp] = "declined_help",
        [OutreachOutcome.NotNeeded] = "not_needed",
    };

    public static string ToWire(this OutreachReason reason) => _reasons[reason];

    public static string ToWire(this OutreachOutcome outcome) => _outcomes[outcome];

    public static string ToWire(this OutreachStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParseReason(string? wire, out OutreachReason reason) => TryParse(_reasons, wire, out reason);

    /// <summary>A recorded outcome (never <see cref="OutreachOutcome.None"/>).</summary>
    public static bool TryParseOutcome(string? wire, out OutreachOutcome outcome) =>
        TryParse(_outcomes, wire, out outcome) && outcome != OutreachOutcome.None;

    public static bool TryParseStatus(string? wire, out OutreachStatus status) =>
        TryParse(Enum.GetValues<OutreachStatus>().ToDictionary(s => s, s => s.ToWire()), wire, out status);

    /// <summary>Every outcome an agent can record, in wire form.</summary>
    public static IEnumerable<string> Outcomes => _outcomes.Where(p => p.Key != OutreachOutcome.None).Select(p => p.Value);

    private static bool TryParse<T>(Dictionary<T, string> names, string? wire, out T value) where T : struct
    {
        foreach (var (key, name) in names)
        {
            if (string.Equals(name, wire?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }
}
