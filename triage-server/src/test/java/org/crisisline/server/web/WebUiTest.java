package org.crisisline.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.crisisline.server.auth.web.Browser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class WebUiTest {

    @Test
    @DisplayName("Pages are served with a strict CSP, nosniff, no framing and short caching; the API keeps its JSON 404")
    void pagesCarrySecurityHeaders(Vertx vertx) throws Exception {
        WebServer server = WebServer.start(vertx);
        Browser browser = server.api.anonymous();

        HttpResponse<Buffer> index = browser.get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.bodyAsString()).contains("<form id=\"sign-in\"");
        assertThat(index.getHeader("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(index.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(index.getHeader("Cache-Control")).contains("max-age=60");

        HttpResponse<Buffer> script = browser.get("/app.js");
        assertThat(script.getHeader("Content-Type")).contains("javascript");

        assertThat(browser.get("/no-such-page.html").statusCode()).isEqualTo(404);
        HttpResponse<Buffer> api = browser.get("/api/nothing");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.bodyAsJsonObject().getString("error")).isEqualTo("not-found");
    }

    @Test
    @DisplayName("No page has inline script or style (the CSP would block it)")
    void noInlineScriptOrStyle(Vertx vertx) throws Exception {
        WebServer server = WebServer.start(vertx);
        Browser browser = server.api.anonymous();
        for (String page : new String[] {"/index.html", "/operative.html", "/lead.html", "/admin.html"}) {
            String html = browser.get(page).bodyAsString();
            assertThat(html).as(page).doesNotContain("<style", "style=\"", " onclick=", "javascript:")
                    .containsPattern("<script type=\"module\" src=\"/[a-z]+\\.js\"></script>");
            assertThat(html.split("<script", -1)).as(page).hasSize(2);
        }
    }
}
