namespace EdgeAi.Client;

public partial class DocumentsClient
{
    /// <summary>
    /// Converts files to markdown (<c>POST /ai/tomarkdown</c>, multipart field <c>files</c>): one document per file,
    /// in upload order. A file the service cannot convert comes back with <c>format</c> <c>"error"</c> and its reason.
    /// </summary>
    /// <param name="files">The files (name, bytes, MIME type); at least one.</param>
    /// <param name="options">Per-call options (headers, timeout); receives the response metadata.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The converted documents.</returns>
    public virtual async Task<IList<ToMarkdownDocument>> ToMarkdownAsync(IEnumerable<MarkdownFile> files, EdgeAiRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.ToList();
        if (list.Count == 0)
            throw new EdgeAiException(EdgeAiErrorKind.Validation, "Bad input (not sent): ToMarkdownAsync needs at least one file");
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null || string.IsNullOrWhiteSpace(list[i].Name) || string.IsNullOrWhiteSpace(list[i].ContentType))
                throw new EdgeAiException(EdgeAiErrorKind.Validation, $"Bad input (not sent): files[{i}] needs a name and a content type");
        }
        var answer = await RequestScope.RunAsync(options, ct => SendToMarkdownAsync(list, ct), cancellationToken).ConfigureAwait(false);
        return answer.Result;
    }

    private async Task<ToMarkdownResponse> SendToMarkdownAsync(List<MarkdownFile> files, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        foreach (var file in files)
            MultipartCall.AddFile(form, "files", file.Name, file.Content, file.ContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, (Uri?)null) { Content = form };
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
        var url = new System.Text.StringBuilder("ai/tomarkdown");
        PrepareRequest(_httpClient, request, url);
        request.RequestUri = new Uri(url.ToString(), UriKind.RelativeOrAbsolute);
        return await MultipartCall.SendAsync<ToMarkdownResponse>(_httpClient, request, r => ProcessResponse(_httpClient, r), cancellationToken).ConfigureAwait(false);
    }
}
