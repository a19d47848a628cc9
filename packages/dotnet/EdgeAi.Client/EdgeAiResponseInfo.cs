using System.Globalization;
using System.Net.Http.Headers;

namespace EdgeAi.Client;

/// <summary>What the HTTP answer of a call said besides its body (see <see cref="EdgeAiRequestOptions.Response"/>).</summary>
public sealed class EdgeAiResponseInfo
{
    internal EdgeAiResponseInfo(int statusCode, string? cfRay, EdgeAiRateLimit? rateLimit)
    {
        StatusCode = statusCode;
        CfRay = cfRay;
        RateLimit = rateLimit;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Cloudflare's request id (<c>cf-ray</c>), the thing to quote to support; <c>null</c> when absent.</summary>
    public string? CfRay { get; }

    /// <summary>The parsed <c>ratelimit</c> / <c>ratelimit-policy</c> headers; <c>null</c> when absent.</summary>
    public EdgeAiRateLimit? RateLimit { get; }

    internal static EdgeAiResponseInfo From(HttpResponseMessage response)
    {
        string? One(HttpHeaders headers, string name) => headers.TryGetValues(name, out var v) ? string.Join(", ", v) : null;
        var ray = One(response.Headers, "cf-ray");
        var limit = One(response.Headers, "ratelimit");
        var policy = One(response.Headers, "ratelimit-policy");
        return new EdgeAiResponseInfo((int)response.StatusCode, ray, limit is null && policy is null ? null : EdgeAiRateLimit.Parse(limit, policy));
    }
}

/// <summary>
/// The IETF rate-limit headers as Cloudflare sends them: <c>ratelimit: "default";r=0;t=1</c> and
/// <c>ratelimit-policy: "default";q=300;w=60</c>.
/// </summary>
/// <param name="Policy">The policy name (<c>default</c>).</param>
/// <param name="Remaining">Requests left in the window (<c>r</c>).</param>
/// <param name="Reset">Time until the window resets (<c>t</c>).</param>
/// <param name="Quota">Requests allowed per window (<c>q</c>).</param>
/// <param name="Window">Window length (<c>w</c>).</param>
public sealed record EdgeAiRateLimit(string? Policy, int? Remaining, TimeSpan? Reset, int? Quota, TimeSpan? Window)
{
    /// <summary>Parses the two header values (either may be null); unknown parameters are ignored.</summary>
    public static EdgeAiRateLimit Parse(string? rateLimit, string? policy)
    {
        var a = Params(rateLimit);
        var b = Params(policy);
        static int? Int(Dictionary<string, string> p, string key) =>
            p.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        static TimeSpan? Seconds(int? s) => s is int n ? TimeSpan.FromSeconds(n) : null;
        var name = a.GetValueOrDefault("") ?? b.GetValueOrDefault("");
        return new EdgeAiRateLimit(name, Int(a, "r"), Seconds(Int(a, "t")), Int(b, "q"), Seconds(Int(b, "w")));
    }

    /// <summary>The first list member of a structured header: its item (key "") and its parameters.</summary>
    private static Dictionary<string, string> Params(string? header)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(header)) return result;
        var first = header.Split(',')[0];
        var parts = first.Split(';');
        result[""] = parts[0].Trim().Trim('"');
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) result[part[..eq].Trim()] = part[(eq + 1)..].Trim().Trim('"');
        }
        return result;
    }
}
