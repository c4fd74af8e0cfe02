namespace CheckoutWatch.Fuzz;

/// <summary>An item that the contract rejects, and the error code the rejection must carry.</summary>
internal sealed record InvalidItem(string Name, string Json, string Code);
