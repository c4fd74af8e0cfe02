[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace CheckoutWatch.Cluster.Tests.Infrastructure;

/// <summary>
/// Tests that leave the cluster whole (a Redis restart heals by itself) share one cluster; the
/// failover test kills a node and has its own. The collections run one after the other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
