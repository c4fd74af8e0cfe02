using CheckoutWatch.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCheckoutWatch();

var app = builder.Build();
app.MapCheckoutWatch();
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
