package org.crisisline.server.auth.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A test's browser: keeps the cookies the server sets (honouring {@code Max-Age=0}), sends them back, and
 * sends the {@code XSRF-TOKEN} cookie in {@code X-XSRF-TOKEN} as a single-page app would, unless told not
 * to. Handles cookies itself because the server's cookies are {@code Secure} and the test talks plain HTTP.
 * Public for the API tests of other packages.
 */
public final class Browser {
    private final WebClient client;
    private final int port;
    public final Map<String, String> cookies = new LinkedHashMap<>();
    public boolean echoCsrf = true;

    public Browser(Vertx vertx, int port) {
        this.client = WebClient.create(vertx);
        this.port = port;
    }

    public HttpResponse<Buffer> get(String path) throws Exception {
        return send(HttpMethod.GET, path, null, null);
    }

    public HttpResponse<Buffer> post(String path) throws Exception {
        return send(HttpMethod.POST, path, null, null);
    }

    public HttpResponse<Buffer> postJson(String path, JsonObject body) throws Exception {
        return send(HttpMethod.POST, path, "application/json", body.encode());
    }

    public HttpResponse<Buffer> putJson(String path, JsonObject body) throws Exception {
        return send(HttpMethod.PUT, path, "application/json", body.encode());
    }

    public HttpResponse<Buffer> login(String username, String password) throws Exception {
        return postJson("/api/login", new JsonObject().put("username", username).put("password", password));
    }

    public HttpResponse<Buffer> send(HttpMethod method, String path, String contentType, String body) throws Exception {
        HttpRequest<Buffer> request = client.request(method, port, "localhost", path);
        if (!cookies.isEmpty()) {
            request.putHeader("Cookie", cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        if (echoCsrf && cookies.containsKey(SessionCookies.CSRF_COOKIE)) {
            request.putHeader(CsrfGuard.HEADER, cookies.get(SessionCookies.CSRF_COOKIE));
        }
        if (contentType != null) {
            request.putHeader("Content-Type", contentType);
        }
        HttpResponse<Buffer> response = AuthServer.await(body == null ? request.send() : request.sendBuffer(Buffer.buffer(body)));
        response.cookies().forEach(this::remember);
        return response;
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        String name = pair.substring(0, pair.indexOf('='));
        if (setCookie.contains("Max-Age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, pair.substring(pair.indexOf('=') + 1));
        }
    }
}
