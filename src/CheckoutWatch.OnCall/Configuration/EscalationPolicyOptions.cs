namespace CheckoutWatch.OnCall.Configuration;

/// <summary>A policy for alerts of one kind and severity (<c>*</c> for any).</summary>
public sealed class EscalationPolicyOptions
{
    public string Kind { get; set; } = "*";

    public string Severity { get; set; } = "*";

    public List<EscalationLevelOptions> Levels { get; set; } = [];
}
