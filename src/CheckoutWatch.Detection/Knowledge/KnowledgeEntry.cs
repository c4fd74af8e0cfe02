using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Detection.Knowledge;

/// <summary>
/// What CheckoutWatch knows about one decline code (or one failure kind without a code): what it
/// means, whether it points at an incident, and what an agent should and should not say.
/// </summary>
public sealed record KnowledgeEntry
{
    /// <summary>The issuer response code (e.g. "51"); null for a failure-kind entry.</summary>
    public string? Code { get; init; }

    /// <summary>For entries about a failure kind without a code: error or timeout.</summary>
    public FailureKind? FailureKind { get; init; }

    /// <summary>Networks the meaning applies to: "any", "visa", "mastercard".</summary>
    public IReadOnlyList<string> Networks { get; init; } = ["any"];

    public string Meaning { get; init; } = "";
    public DeclineType Decline { get; init; }

    /// <summary>Visa retry category (1 never retry, 2 retry later, 3 fix the data first) when the sources give one.</summary>
    public int? RetryCategory { get; init; }

    public string RetryAdvice { get; init; } = "";
    public WhoActs WhoActs { get; init; }
    public DeclineClass Class { get; init; }

    /// <summary>Whether a spike of this failure is an incident that pages the on-call payments engineer.</summary>
    public bool Technical { get; init; }

    /// <summary>What the agent tells the customer.</summary>
    public string AgentGuidance { get; init; } = "";

    /// <summary>What the agent must never say.</summary>
    public string NeverSay { get; init; } = "";

    /// <summary>What the payments team should check, for technical and configuration failures.</summary>
    public string? InternalGuidance { get; init; }

    /// <summary>The key entries are merged by: the code (upper case) or "kind:error" / "kind:timeout", plus the network.</summary>
    public string Key => KeyOf(Code, FailureKind, Networks.Count > 0 ? Networks[0] : "any");

    internal static string KeyOf(string? code, FailureKind? kind, string network) =>
        (code is not null ? Normalize(code) : "kind:" + (kind ?? Events.FailureKind.None).ToWire()) + "@" + network.ToLowerInvariant();

    internal static string Normalize(string code) => code.Trim().ToUpperInvariant();
}
