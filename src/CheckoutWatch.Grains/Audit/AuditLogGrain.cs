using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Audit;

namespace CheckoutWatch.Grains.Audit;

/// <summary>
/// One UTC day of the audit log. Audited actions are human-paced, so a day's entries fit one
/// activation; each append is persisted before it returns.
/// </summary>
public sealed class AuditLogGrain(
    [PersistentState("audit-day", AuditLogGrain.StorageName)] IPersistentState<AuditLogState> state) : Grain, IAuditLogGrain
{
    public const string StorageName = "audit";

    public async Task<AuditEntry> AppendAsync(DateTimeOffset at, string actor, string action, string target, string? detail)
    {
        // Ids sort like the log: the day (the grain key without dashes), then the day's sequence.
        var id = $"{this.GetPrimaryKeyString().Replace("-", "", StringComparison.Ordinal)}-{++state.State.Sequence:D8}";
        var entry = new AuditEntry(id, at, actor, action, target, detail);
        state.State.Entries.Add(entry);
        await state.WriteStateAsync();
        return entry;
    }

    public Task<ImmutableArray<AuditEntry>> QueryAsync(AuditQuery query)
    {
        var matches = ImmutableArray.CreateBuilder<AuditEntry>();
        for (var i = state.State.Entries.Count - 1; i >= 0 && matches.Count < query.Limit; i--)
        {
            if (query.Matches(state.State.Entries[i]))
            {
                matches.Add(state.State.Entries[i]);
            }
        }

        return Task.FromResult(matches.ToImmutable());
    }
}
