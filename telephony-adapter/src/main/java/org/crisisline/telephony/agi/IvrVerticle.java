package org.crisisline.telephony.agi;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Deploys the {@link IvrServer}, asking Crisisline's queue over the event bus. Without options, reads
 * them from the verticle's config with {@link IvrServerOptions#fromJson}. Deploy one per node: it binds
 * one port. Its start and stop do not block the event loop.
 */
public final class IvrVerticle extends VerticleBase {
    private final IvrServerOptions options;
    private IvrServer server;

    /** Options from the deployment's config. */
    public IvrVerticle() {
        this(null);
    }

    public IvrVerticle(IvrServerOptions options) {
        this.options = options;
    }

    @Override
    public Future<?> start() {
        IvrServerOptions chosen;
        try {
            chosen = options != null ? options : IvrServerOptions.fromJson(config());
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        server = IvrServer.create(vertx, chosen);
        return server.start();
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.stop();
    }

    /** The bound port, or -1 before the start completed. */
    public int port() {
        return server == null ? -1 : server.port();
    }
}
