namespace EdgeAi.Client.Tests.Emulator;

/// <summary>
/// Sends <c>x-emulator-fault</c> / <c>x-emulator-fault-key</c> on the requests made inside a <see cref="Inject"/>
/// scope (AsyncLocal, so parallel tests do not see each other's faults).
/// </summary>
public static class Faults
{
    private static readonly AsyncLocal<(string Steps, string Key)?> Current = new();

    public static IDisposable Inject(string steps, out string key)
    {
        key = Guid.NewGuid().ToString("N");
        Current.Value = (steps, key);
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => Current.Value = null;
    }

    /// <summary>Adds the fault headers; registered on the client's HttpClient by the tests.</summary>
    public sealed class Handler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Current.Value is { } f)
            {
                request.Headers.Remove("x-emulator-fault");
                request.Headers.Remove("x-emulator-fault-key");
                request.Headers.TryAddWithoutValidation("x-emulator-fault", f.Steps);
                request.Headers.TryAddWithoutValidation("x-emulator-fault-key", f.Key);
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
