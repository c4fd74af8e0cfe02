namespace CheckoutWatch.Cluster.Tests.Infrastructure;

/// <summary>One collection: the test classes run one after another (each starts its own cluster).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}
