namespace CheckoutWatch.Ingest;

/// <summary>
/// ISO 4217 alphabetic codes that can price a payment: the active currency and fund codes
/// (2025 list, with ANG, SLL and ZWL kept while they are being phased out). Left out on purpose:
/// precious metals (XAU, XAG, XPD, XPT), bond-market units (XBA–XBD), the testing code XTS and
/// "no currency" XXX.
/// </summary>
internal static class IsoCurrencies
{
    private static readonly HashSet<string> _codes = new(
    [
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN",
        "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV",
        "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
        "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU",
        "CRC", "CUP", "CVE", "CZK",
        "DJF", "DKK", "DOP", "DZD",
        "EGP", "ERN", "ETB", "EUR",
        "FJD", "FKP",
        "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD",
        "HKD", "HNL", "HTG", "HUF",
        "IDR", "ILS", "INR", "IQD", "IRR", "ISK",
        "JMD", "JOD", "JPY",
        "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT",
        "LAK", "LBP", "LKR", "LRD", "LSL", "LYD",
        "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
        "MWK", "MXN", "MXV", "MYR", "MZN",
        "NAD", "NGN", "NIO", "NOK", "NPR", "NZD",
        "OMR",
        "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
        "QAR",
        "RON", "RSD", "RUB", "RWF",
        "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SLL", "SOS",
        "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
        "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS",
        "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS",
        "VED", "VES", "VND", "VUV",
        "WST",
        "XAF", "XCD", "XCG", "XDR", "XOF", "XPF", "XSU", "XUA",
        "YER",
        "ZAR", "ZMW", "ZWG", "ZWL",
    ], StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup =
        _codes.GetAlternateLookup<ReadOnlySpan<char>>();

    public static int Count => _codes.Count;

    /// <summary>Finds the code and returns the shared instance, so events allocate no string for it.</summary>
    public static bool TryGet(ReadOnlySpan<char> code, out string value) =>
        _lookup.TryGetValue(code, out value!);
}
