// A minimal API that uses the generated Workers AI client through DI:
//   POST /chat         {"message": "..."}   -> {"reply": "..."}
//   POST /chat/stream  {"message": "..."}   -> text/event-stream of text deltas, ending with data: [DONE]
//   POST /embed        {"texts": ["..."]}   -> {"dimensions": 768, "vectors": [[...]]}
//   POST /image        {"prompt": "..."}    -> the PNG bytes
// Configuration: EdgeAi:AccountId, EdgeAi:ApiToken, optional EdgeAi:BaseUrl (the local emulator in tests).
using System.Runtime.CompilerServices;
using System.Text.Json;
using AspNetMinimal;
using EdgeAi.Client;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddEdgeAiClient(o =>
{
    o.AccountId = builder.Configuration["EdgeAi:AccountId"] ?? "";
    o.ApiToken = builder.Configuration["EdgeAi:ApiToken"] ?? "";
    if (builder.Configuration["EdgeAi:BaseUrl"] is { Length: > 0 } url)
        o.BaseUrl = new Uri(url);
});

var app = builder.Build();
app.UseMiddleware<UpstreamErrors>();

app.MapPost("/chat", async (ChatRequest request, ITextGenerationClient ai, CancellationToken ct) =>
{
    var answer = await ai.Llama31x8bInstructFastAsync(Models.Chat(request), cancellationToken: ct);
    return TypedResults.Ok(new ChatReply(Models.TextOf(answer.Result)));
});

app.MapPost("/chat/stream", (ChatRequest request, ITextGenerationClient ai, CancellationToken ct) =>
    TypedResults.ServerSentEvents(Models.Relay(ai.StreamTextAsync(Models.ChatModel, Models.Chat(request), ct), ct)));

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
    public const string ChatModel = "@cf/meta/llama-3.1-8b-instruct-fast";

    public static TextGenerationInput Chat(ChatRequest request) =>
        new() { Messages = [new ChatMessage { Role = "user", Content = request.Message }], MaxTokens = 256 };

    /// <summary>The native result's <c>response</c> is a string, or an object in JSON mode.</summary>
    public static string TextOf(TextGenerationResult? result) => result?.Response switch
    {
        JsonElement { ValueKind: JsonValueKind.String } s => s.GetString() ?? "",
        JsonElement other => other.GetRawText(),
        _ => result?.Choices is { Count: > 0 } c ? c[0].Message?.Content ?? "" : "",
    };

    /// <summary>Relays the upstream deltas and closes with [DONE], like the Workers AI stream itself.</summary>
    public static async IAsyncEnumerable<string> Relay(IAsyncEnumerable<string> deltas, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var d in deltas.WithCancellation(ct))
            yield return d;
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
