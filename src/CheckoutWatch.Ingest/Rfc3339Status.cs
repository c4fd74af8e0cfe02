namespace CheckoutWatch.Ingest;

internal enum Rfc3339Status
{
    Ok = 0,
    Invalid = 1,
    MissingOffset = 2,
    OffsetOutOfRange = 3,
}
