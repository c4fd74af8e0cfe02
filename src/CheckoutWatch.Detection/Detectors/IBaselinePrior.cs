namespace CheckoutWatch.Detection.Detectors;

/// <summary>
/// Where a stream's baseline is shrunk toward while it has little evidence of its own. The default
/// (<see cref="PlatformBaselinePrior"/>) uses the merchant's own baseline for its slices and a
/// platform-wide rate for the merchant; a deployment can plug in PSP-wide rates learned across
/// merchants so that a new merchant on a PSP starts from that PSP's rate.
/// </summary>
public interface IBaselinePrior
{
    BaselinePrior PriorFor(in BaselineContext context);
}
