using CheckoutWatch.LoadTests.Cli;

return await HarnessApp.RunAsync(args);
