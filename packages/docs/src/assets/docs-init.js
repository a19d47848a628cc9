// Starts Swagger UI from the JSON config the server embeds in the page (see src/index-page.ts).
// Plain browser script, no build step: it is served as-is from packages/docs/src/assets/.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("edge-ai-docs-config").textContent);
  if (!config.urls.length) return; // the header already says which generator to run

  function hasAuthorization(headers) {
    return Object.keys(headers || {}).some(function (name) {
      return name.toLowerCase() === "authorization";
    });
  }

  window.ui = SwaggerUIBundle({
    urls: config.urls,
    "urls.primaryName": config.primaryName,
    dom_id: "#swagger-ui",
    deepLinking: true,
    // The default validator badge loads an image from validator.swagger.io; nothing may leave the machine.
    validatorUrl: null,
    displayRequestDuration: true,
    // operationIds are the SDK method names (run<Method>), so show them.
    displayOperationId: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    // Calls to the local emulator get a demo bearer token unless the user authorized with their own,
    // so "Try it out" works without clicking Authorize. Other servers (Cloudflare) get nothing added.
    requestInterceptor: function (request) {
      var target;
      try {
        target = new URL(request.url, window.location.href);
      } catch (e) {
        return request;
      }
      if (target.origin === config.emulatorOrigin && !hasAuthorization(request.headers)) {
        request.headers = request.headers || {};
        request.headers.Authorization = "Bearer " + config.demoToken;
      }
      return request;
    },
  });
})();
