namespace CheckoutWatch.Abstractions.Outreach;

/// <summary>The answer to claim, release and outcome: the item as it now stands, or why not.</summary>
[GenerateSerializer, Immutable]
public sealed record OutreachCommandResult(
    [property: Id(0)] OutreachItem? Item,
    [property: Id(1)] OutreachRefusal Refusal,
    [property: Id(2)] string? Detail)
{
    public static OutreachCommandResult Done(OutreachItem item) => new(item, OutreachRefusal.None, null);

    public static OutreachCommandResult Refused(OutreachRefusal refusal, string detail, OutreachItem? item = null) => new(item, refusal, detail);
}

/// <summary>Why a command was refused.</summary>
public enum OutreachRefusal
{
    None = 0,
    NotFound = 1,
    /// <summary>Someone else holds the claim (the item names who).</summary>
    ClaimedByOther = 2,
    /// <summary>The item already has an outcome.</summary>
    AlreadyDone = 3,
    /// <summary>Release of an item nobody holds.</summary>
    NotClaimed = 4,
}
