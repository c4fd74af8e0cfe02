namespace CheckoutWatch.Server.Auth;

/// <summary>The 401 and 403 problem answers of board authentication.</summary>
internal static class AuthProblems
{
    public static async Task WriteAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = status,
                Type = status == StatusCodes.Status401Unauthorized
                    ? "https://checkoutwatch.dev/problems/unauthorized"
                    : "https://checkoutwatch.dev/problems/forbidden",
                Title = status == StatusCodes.Status401Unauthorized ? "Sign in first." : "Your role may not do this.",
                Detail = status == StatusCodes.Status401Unauthorized
                    ? $"Sign in at {BoardAuthDefaults.SignInPage} (the board), or POST /api/v1/auth/signin."
                    : "Ask an admin for a role that allows it.",
            },
        });
    }
}
