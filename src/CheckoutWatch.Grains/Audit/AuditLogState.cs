using CheckoutWatch.Abstractions.Audit;

namespace CheckoutWatch.Grains.Audit;

[GenerateSerializer]
public sealed class AuditLogState
{
    [Id(0)] public List<AuditEntry> Entries { get; set; } = [];

    [Id(1)] public long Sequence { get; set; }
}
