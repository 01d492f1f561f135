package org.crisisline.telephony.agi;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the FastAGI server listens. A bad value fails construction with a message naming
 * its key.
 *
 * @param host              the address to bind, e.g. {@code 127.0.0.1} (Asterisk on the same host)
 * @param port              the port to bind; 0 takes any free port ({@link IvrServer#port()} says which)
 * @param poolSize          FastAGI threads kept when idle
 * @param maximumPoolSize   FastAGI threads at most, i.e. calls in the IVR at once; a call beyond it
 *                          is refused (its socket closed), so the dialplan falls back to Asterisk's queue
 * @param socketReadTimeout how long the server waits for any line from Asterisk: longer than the
 *                          longest prompt plus its key timeout
 * @param maxLineLength     the longest line accepted from Asterisk, in characters; a longer one ends
 *                          the session
 * @param ivr               the IVR's prompts, keys and timeouts
 */
public record IvrServerOptions(String host, int port, int poolSize, int maximumPoolSize, Duration socketReadTimeout,
        int maxLineLength, IvrOptions ivr) {

    public IvrServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ivr, "ivr");
        Objects.requireNonNull(socketReadTimeout, "socket-read-timeout-ms");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: 0 to 65535: " + port);
        }
        if (poolSize < 1 || maximumPoolSize < poolSize) {
            throw new IllegalArgumentException("pool-size/maximum-pool-size: need 1 <= pool <= maximum: "
                    + poolSize + ", " + maximumPoolSize);
        }
        if (socketReadTimeout.toMillis() < 1 || socketReadTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("socket-read-timeout-ms: must be positive: " + socketReadTimeout);
        }
        if (maxLineLength < 256) {
            throw new IllegalArgumentException("max-line-length: at least 256: " + maxLineLength);
        }
    }

    /** 127.0.0.1:4573 (Asterisk's FastAGI default), 10 to 500 threads (asterisk-java's), 60 s reads. */
    public static IvrServerOptions defaults() {
        return new IvrServerOptions("127.0.0.1", 4573, 10, 500, Duration.ofSeconds(60), 8192, IvrOptions.defaults());
    }

    /**
     * From JSON with kebab-case keys ({@code port}, {@code ivr.key-timeout-ms}, ...), each optional and
     * defaulting to {@link #defaults()}; an unknown key or a bad value fails with a message naming it.
     */
    public static IvrServerOptions fromJson(JsonObject json) {
        return IvrConfigJson.read(json);
    }

    public IvrServerOptions withPort(int port) {
        return new IvrServerOptions(host, port, poolSize, maximumPoolSize, socketReadTimeout, maxLineLength, ivr);
    }

    public IvrServerOptions withSocketReadTimeout(Duration timeout) {
        return new IvrServerOptions(host, port, poolSize, maximumPoolSize, timeout, maxLineLength, ivr);
    }

    public IvrServerOptions withIvr(IvrOptions ivr) {
        return new IvrServerOptions(host, port, poolSize, maximumPoolSize, socketReadTimeout, maxLineLength, ivr);
    }
}
