using CheckoutWatch.Abstractions.Outreach;

namespace CheckoutWatch.Server.Outreach;

/// <summary>What a board loads on (re)connect for the outreach panel, the masthead and the wall.</summary>
public sealed record OutreachSnapshot(IReadOnlyList<OutreachItemView> Items, SavedToday Saved, IReadOnlyList<Escalation> Escalations);
