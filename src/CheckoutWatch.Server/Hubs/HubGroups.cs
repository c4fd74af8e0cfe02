namespace CheckoutWatch.Server.Hubs;

/// <summary>
/// Every board connection is in exactly one of these, by role: a push that carries customer
/// contact data goes unmasked to <see cref="CustomerData"/> (agent, admin) and masked to
/// <see cref="MaskedCustomerData"/> (wall, oncall). Pushes without personal data go to all.
/// </summary>
public static class HubGroups
{
    public const string CustomerData = "customer-data";
    public const string MaskedCustomerData = "customer-data-masked";
}
