// A minimal API over Workers AI, wired the way a .NET team expects:
//   POST /chat         {"message": "..."}   -> {"reply": "..."}            (Microsoft.Extensions.AI IChatClient)
//   POST /chat/stream  {"message": "..."}   -> text/event-stream of deltas (IChatClient streaming), ending with [DONE]
//   POST /embed        {"texts": ["..."]}   -> {"dimensions": 768, "vectors": [[...]]}
//   POST /image        {"prompt": "..."}    -> the PNG bytes
// Configuration: the "EdgeAi" section (AccountId, ApiToken, optional BaseUrl = the local emulator in tests), bound
// and validated at start-up: a missing token stops the app with a message naming EdgeAi:ApiToken.
using System.Runtime.CompilerServices;
using AspNetMinimal;
using EdgeAi.Client;
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddEdgeAiClient(builder.Configuration.GetSection("EdgeAi"));

var app = builder.Build();
app.UseMiddleware<UpstreamErrors>();

app.MapPost("/chat", async (ChatRequest request, IChatClient ai, CancellationToken ct) =>
{
    var answer = await ai.GetResponseAsync(request.Message, new ChatOptions { MaxOutputTokens = 256 }, ct);
    return TypedResults.Ok(new ChatReply(answer.Text));
});

app.MapPost("/chat/stream", (ChatRequest request, IChatClient ai, CancellationToken ct) =>
    TypedResults.ServerSentEvents(Models.Relay(ai.GetStreamingResponseAsync(request.Message, new ChatOptions { MaxOutputTokens = 256 }, ct), ct)));

app.MapPost("/embed", async (EmbedRequest request, ITextEmbeddingsClient ai, CancellationToken ct) =>
{
    var answer = await ai.BgeBaseEnV15Async(new TextEmbeddingsBatchableInput { Text = [.. request.Texts] }, cancellationToken: ct);
    var vectors = answer.Result?.Data ?? [];
    return TypedResults.Ok(new EmbedReply(vectors.Count > 0 ? vectors[0].Count : 0, vectors));
});

app.MapPost("/image", async (ImageRequest request, ITextToImageClient ai, CancellationToken ct) =>
{
    var image = await ai.StableDiffusionXlBase10Async(new TextToImageInput { Prompt = request.Prompt }, ct).ReadImageAsync(ct);
    return TypedResults.File(image.Bytes, image.ContentType);
});

await app.RunAsync();

/// <summary>Public so WebApplicationFactory&lt;Program&gt; can start the app in tests.</summary>
public partial class Program;

internal static class Models
{
    /// <summary>Relays the upstream text deltas and closes with [DONE], like the Workers AI stream itself.</summary>
    public static async IAsyncEnumerable<string> Relay(IAsyncEnumerable<ChatResponseUpdate> updates, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var u in updates.WithCancellation(ct))
        {
            if (u.Text.Length > 0)
                yield return u.Text;
        }
        yield return "[DONE]";
    }
}

/// <summary>Upstream failures become 429 (rate limit, capacity, quota) or 502, with the error kind and code.</summary>
internal sealed class UpstreamErrors(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (EdgeAiException e) when (!context.Response.HasStarted)
        {
            context.Response.StatusCode = e.Kind is EdgeAiErrorKind.RateLimited or EdgeAiErrorKind.Capacity or EdgeAiErrorKind.QuotaExhausted
                ? StatusCodes.Status429TooManyRequests
                : StatusCodes.Status502BadGateway;
            await context.Response.WriteAsJsonAsync(new { kind = e.Kind, code = e.Code, status = e.StatusCode });
        }
    }
}
