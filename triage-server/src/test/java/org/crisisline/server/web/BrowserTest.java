package org.crisisline.server.web;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A page test: one headless Chromium per class, and a fresh server with the pages for each test. */
@ExtendWith(VertxExtension.class)
abstract class BrowserTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();
    WebServer server;

    @BeforeEach
    void startServer(Vertx vertx) throws Exception {
        server = WebServer.start(vertx);
    }
}
