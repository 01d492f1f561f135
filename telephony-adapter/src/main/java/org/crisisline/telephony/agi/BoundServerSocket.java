package org.crisisline.telephony.agi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The listening socket, bound before asterisk-java's accept loop starts so that a bind failure fails
 * {@link IvrServer#start()} and port 0 reports the port it got. Accepted connections are
 * {@link LineSocket}s. {@link #accept()} is called by the accept thread only.
 */
final class BoundServerSocket implements ServerSocketFacade {
    // Room for a burst of calls reaching the IVR at once (50 overflowed at 64 concurrent sessions).
    private static final int BACKLOG = 512;

    private final ServerSocket serverSocket;
    private final int readTimeoutMillis;
    private final int maxLineLength;

    BoundServerSocket(IvrServerOptions options) throws IOException {
        this.serverSocket = new ServerSocket(options.port(), BACKLOG, InetAddress.getByName(options.host()));
        this.readTimeoutMillis = (int) options.socketReadTimeout().toMillis();
        this.maxLineLength = options.maxLineLength();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    InetAddress address() {
        return serverSocket.getInetAddress();
    }

    @Override
    public SocketConnectionFacade accept() throws IOException {
        Socket socket = serverSocket.accept();
        try {
            return new LineSocket(socket, readTimeoutMillis, maxLineLength);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }

    @Override
    public void setSocketReadTimeout(int socketReadTimeout) {
        // The read timeout comes from IvrServerOptions; asterisk-java's own setting is not used.
    }
}
