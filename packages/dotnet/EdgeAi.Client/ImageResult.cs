namespace EdgeAi.Client;

/// <summary>An image answer: the bytes and their media type (<c>image/png</c>, <c>image/jpeg</c>).</summary>
/// <param name="Bytes">The encoded image.</param>
/// <param name="ContentType">The media type from the answer (or sniffed from the bytes for base64 answers).</param>
public sealed record ImageResult(byte[] Bytes, string ContentType);

/// <summary>Turns binary and base64 image answers into <see cref="ImageResult"/>.</summary>
public static class ImageExtensions
{
    /// <summary>
    /// Reads a binary image operation (SDXL, phoenix: the generated method returns <see cref="FileResponse"/>).
    /// </summary>
    /// <example><c>var png = await images.StableDiffusionXlBase10Async(new() { Prompt = "a cat" }).ReadImageAsync();</c></example>
    public static async Task<ImageResult> ReadImageAsync(this Task<FileResponse> pending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pending);
        using var file = await pending.ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await file.Stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        var type = file.Headers.TryGetValue("Content-Type", out var values) ? values.FirstOrDefault() : null;
        return new ImageResult(bytes, type?.Split(';')[0].Trim() ?? Sniff(bytes));
    }

    /// <summary>Decodes a base64 image answer (FLUX: <c>result.image</c>).</summary>
    /// <exception cref="EdgeAiException">Kind <c>validation</c> when the text is not base64.</exception>
    public static ImageResult DecodeImage(this FluxOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Image is not { } image)
            throw new EdgeAiException(EdgeAiErrorKind.Validation, "result.image is missing");
        try
        {
            var bytes = Convert.FromBase64String(image);
            return new ImageResult(bytes, Sniff(bytes));
        }
        catch (FormatException e)
        {
            throw new EdgeAiException(EdgeAiErrorKind.Validation, "result.image is not base64", innerException: e);
        }
    }

    private static string Sniff(byte[] b) =>
        b is [0x89, 0x50, 0x4E, 0x47, ..] ? "image/png"
        : b is [0xFF, 0xD8, 0xFF, ..] ? "image/jpeg"
        : "application/octet-stream";
}
