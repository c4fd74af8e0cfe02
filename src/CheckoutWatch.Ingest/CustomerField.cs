namespace CheckoutWatch.Ingest;

/// <summary>The properties of the customer object that the contract knows; anything else is ignored.</summary>
internal enum CustomerField
{
    Unknown = -1,
    Id = 0,
    Name,
    Email,
    Phone,
}
