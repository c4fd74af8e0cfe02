namespace CheckoutWatch.Fuzz;

/// <summary>One broken expectation: which case, of what kind, and what was wrong.</summary>
public sealed record Violation(int CaseIndex, string Kind, string Problem);
