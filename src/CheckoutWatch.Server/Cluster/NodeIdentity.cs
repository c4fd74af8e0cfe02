namespace CheckoutWatch.Server.Cluster;

/// <summary>This node's name among its peers: host name and silo port (stable across restarts).</summary>
public sealed record NodeIdentity(string Id);
