using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Knowledge;

namespace CheckoutWatch.Detection.Detectors;

/// <summary>
/// The stream whose baseline needs a prior, and what its parent currently believes:
/// <see cref="ParentRate"/> is the merchant-wide baseline of the same measure for a slice (PSP,
/// method, network), null for the merchant stream and for decline classes.
/// </summary>
public readonly record struct BaselineContext(
    string MerchantId,
    AlertDimension Dimension,
    FailureMeasure Measure,
    DeclineClass? Class,
    double? ParentRate);
