using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Board;

/// <summary>
/// A node of its own for the wall display tests: they fill it with hundreds of merchants, which
/// the shared node's other board tests should not have to draw.
/// </summary>
public sealed class WallServerFixture : ServerFixture;
