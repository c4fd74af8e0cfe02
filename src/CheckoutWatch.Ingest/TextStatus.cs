namespace CheckoutWatch.Ingest;

internal enum TextStatus
{
    Ok = 0,
    TooLong = 1,
    InvalidEncoding = 2,
}
