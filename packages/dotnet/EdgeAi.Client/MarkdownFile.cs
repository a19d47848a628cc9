namespace EdgeAi.Client;

/// <summary>One file for <see cref="DocumentsClient.ToMarkdownAsync(IEnumerable{MarkdownFile}, EdgeAiRequestOptions?, CancellationToken)"/>.</summary>
/// <param name="Name">The file name sent with the part (its extension helps the service pick a converter).</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="ContentType">The part's MIME type, for example <c>text/html</c> or <c>application/pdf</c>.</param>
public sealed record MarkdownFile(string Name, ReadOnlyMemory<byte> Content, string ContentType = "application/octet-stream");
