package org.crisisline.telephony.agi;

import java.io.IOException;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * asterisk-java's FastAGI server on a socket bound beforehand. Its {@code startup()} runs the accept
 * loop and blocks: it runs on its own thread ({@code AgiServerThread}); scripts run on its pool.
 */
final class IvrAgiServer extends DefaultAgiServer {
    private static final Logger log = LoggerFactory.getLogger(IvrAgiServer.class);

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

    /**
     * Also closes the socket we bound: asterisk-java closes only the socket its accept thread has
     * already taken, so a stop right after a start would leave that thread in {@code accept()} for ever
     * and {@code AgiServerThread.shutdown()} joining it.
     */
    @Override
    public synchronized void shutdown() {
        super.shutdown();
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("FastAGI: closing the listening socket failed: {}", e.toString());
        }
    }

    /** FastAGI sessions running now, including ones still reading their environment. */
    int activeSessions() {
        return getPoolActiveTaskCount();
    }
}
