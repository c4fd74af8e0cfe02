namespace CheckoutWatch.OnCall.Escalation;

/// <summary>
/// Who is notified about alerts of a kind and severity (<c>*</c> for any), level by level. Level 0
/// is usually immediate; each further level fires if the alert is still unacknowledged after its delay.
/// </summary>
public sealed record EscalationPolicy(string Kind, string Severity, IReadOnlyList<EscalationLevel> Levels)
{
    public const string Any = "*";

    public bool Covers(string kind, string severity) =>
        (Kind == Any || Kind == kind) && (Severity == Any || Severity == severity);

    /// <summary>How specific the policy is: an exact kind and severity beats a wildcard.</summary>
    public int Specificity => (Kind == Any ? 0 : 2) + (Severity == Any ? 0 : 1);
}
