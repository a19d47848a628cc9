namespace EdgeAi.Client;

public partial class FinetunesClient
{
    /// <summary>
    /// Uploads a fine-tune asset (<c>POST /ai/finetunes/{finetune_id}/finetune-assets</c>) as the multipart form the
    /// API expects: the bytes in <c>file</c>, the name in <c>file_name</c> (<c>adapter_model.safetensors</c> or
    /// <c>adapter_config.json</c>).
    /// </summary>
    /// <param name="finetuneId">The fine-tune's id (or name).</param>
    /// <param name="fileName">The asset's file name.</param>
    /// <param name="content">The asset's bytes.</param>
    /// <param name="options">Per-call options (headers, timeout); receives the response metadata.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored asset.</returns>
    public virtual async Task<FinetuneAsset> UploadFinetuneAssetAsync(string finetuneId, string fileName, ReadOnlyMemory<byte> content, EdgeAiRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(finetuneId))
            throw new EdgeAiException(EdgeAiErrorKind.Validation, "Bad input (not sent): finetuneId is empty");
        if (string.IsNullOrWhiteSpace(fileName))
            throw new EdgeAiException(EdgeAiErrorKind.Validation, "Bad input (not sent): fileName is empty");
        var answer = await RequestScope.RunAsync(options, ct => SendAssetAsync(finetuneId, fileName, content, ct), cancellationToken).ConfigureAwait(false);
        return answer.Result ?? throw new EdgeAiException(EdgeAiErrorKind.Validation, "the finetune-assets answer has no result");
    }

    /// <summary>
    /// <see cref="UploadFinetuneAssetAsync(string, string, ReadOnlyMemory{byte}, EdgeAiRequestOptions?, CancellationToken)"/>
    /// reading the asset from <paramref name="content"/> (buffered first, so a retry can resend it).
    /// </summary>
    /// <param name="finetuneId">The fine-tune's id (or name).</param>
    /// <param name="fileName">The asset's file name.</param>
    /// <param name="content">The asset's bytes; read to its end, not disposed.</param>
    /// <param name="options">Per-call options (headers, timeout); receives the response metadata.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored asset.</returns>
    public virtual async Task<FinetuneAsset> UploadFinetuneAssetAsync(string finetuneId, string fileName, Stream content, EdgeAiRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return await UploadFinetuneAssetAsync(finetuneId, fileName, buffer.ToArray(), options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FinetuneAssetResponse> SendAssetAsync(string finetuneId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        MultipartCall.AddFile(form, "file", fileName, content, "application/octet-stream");
        MultipartCall.AddField(form, "file_name", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, (Uri?)null) { Content = form };
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
        var url = new System.Text.StringBuilder("ai/finetunes/").Append(Uri.EscapeDataString(finetuneId)).Append("/finetune-assets");
        PrepareRequest(_httpClient, request, url);
        request.RequestUri = new Uri(url.ToString(), UriKind.RelativeOrAbsolute);
        return await MultipartCall.SendAsync<FinetuneAssetResponse>(_httpClient, request, r => ProcessResponse(_httpClient, r), cancellationToken).ConfigureAwait(false);
    }
}
