package dev.ordo.api.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /docs}: Swagger UI over {@code /openapi.json}, answered directly with 200 (no redirect),
 * its assets served by springdoc's bundled Swagger UI.
 */
@RestController
class DocsPage {

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Ordo API</title>
              <link rel="stylesheet" href="/swagger-ui/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/swagger-ui/swagger-ui-bundle.js"></script>
              <script>
                window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' });
              </script>
            </body>
            </html>
            """;

    @GetMapping(value = {"/docs", "/docs/"}, produces = MediaType.TEXT_HTML_VALUE)
    String docs() {
        return PAGE;
    }
}
