package org.crisisline.server.http.lead;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Objects;

/**
 * Pushes the {@link QueueBoard} to a lead's browser as Server-Sent Events: an {@code event: queue} with the
 * board as {@code data} at once, then whenever the board has changed, checked every {@code every} (a
 * second by default), and a comment line as a keep-alive at least every 15 s. The timer stops when the client
 * goes away. One timer per open stream, on the event loop; a check is skipped while the previous is running.
 */
public final class QueueStream {
    private static final long KEEP_ALIVE_MS = 15_000;

    private final Vertx vertx;
    private final QueueBoard board;
    private final Duration every;

    public QueueStream(Vertx vertx, QueueBoard board, Duration every) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.board = Objects.requireNonNull(board, "board");
        this.every = Objects.requireNonNull(every, "every");
    }

    /** Takes over the response of {@code rc} until the client closes it. */
    public void open(RoutingContext rc) {
        HttpServerResponse response = rc.response()
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no");
        response.write(": crisisline queue stream\n\n");
        new Pusher(response).start();
    }

    /** The state of one open stream; touched only on its event loop. */
    private final class Pusher {
        private final HttpServerResponse response;
        private String lastSent = "";
        private long lastWriteAt = System.nanoTime();
        private boolean busy;
        private long timer;

        Pusher(HttpServerResponse response) {
            this.response = response;
        }

        void start() {
            push();
            timer = vertx.setPeriodic(every.toMillis(), id -> push());
            response.closeHandler(closed -> vertx.cancelTimer(timer));
            response.exceptionHandler(failed -> vertx.cancelTimer(timer));
        }

        private void push() {
            if (busy || response.closed() || response.ended()) {
                return;
            }
            busy = true;
            board.board().onComplete(result -> {
                busy = false;
                if (response.closed() || response.ended()) {
                    return;
                }
                if (result.succeeded()) {
                    String data = result.result().encode();
                    if (!data.equals(lastSent)) {
                        write("event: queue\ndata: " + data + "\n\n");
                        lastSent = data;
                        return;
                    }
                }
                if (System.nanoTime() - lastWriteAt > KEEP_ALIVE_MS * 1_000_000) {
                    write(": keep-alive\n\n");
                }
            });
        }

        private void write(String text) {
            if (!response.writeQueueFull()) {
                response.write(text);
                lastWriteAt = System.nanoTime();
            }
        }
    }
}
