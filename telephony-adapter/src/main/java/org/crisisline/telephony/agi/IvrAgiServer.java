package org.crisisline.telephony.agi;

import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;

/**
 * asterisk-java's FastAGI server on a socket bound beforehand. Its {@code startup()} runs the accept
 * loop and blocks: it runs on its own thread ({@code AgiServerThread}); scripts run on its pool.
 */
final class IvrAgiServer extends DefaultAgiServer {
    private final BoundServerSocket socket;

    IvrAgiServer(MappingStrategy scripts, BoundServerSocket socket, IvrServerOptions options) {
        super(scripts);
        this.socket = socket;
        setPort(socket.port());
        setAddress(socket.address());
        setPoolSize(options.poolSize());
        setMaximumPoolSize(options.maximumPoolSize());
    }

    @Override
    protected ServerSocketFacade createServerSocket() {
        return socket;
    }

    /** FastAGI sessions running now, including ones still reading their environment. */
    int activeSessions() {
        return getPoolActiveTaskCount();
    }
}
