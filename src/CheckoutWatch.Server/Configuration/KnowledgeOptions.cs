namespace CheckoutWatch.Server.Configuration;

/// <summary>Section <c>CheckoutWatch:Knowledge</c>: a deployment's own additions to the knowledge base.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "CheckoutWatch:Knowledge";

    /// <summary>A JSON file in the knowledge-base format whose entries override or extend the shipped ones.</summary>
    public string? OverrideFile { get; set; }
}
