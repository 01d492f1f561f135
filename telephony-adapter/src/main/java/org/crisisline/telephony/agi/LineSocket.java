package org.crisisline.telephony.agi;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FastAGI connection as asterisk-java reads it, hardened against a peer that is not a well-behaved
 * Asterisk: lines end in {@code \n} (a {@code \r} before it is dropped), bytes that are not UTF-8 are
 * replaced, a line longer than the limit, a read timeout or a read error end the stream. Ending the
 * stream (returning {@code null}) instead of throwing lets asterisk-java finish the request or raise
 * its hang-up exception, so a broken peer never leaves an error log or a busy thread behind.
 *
 * <p>Used by one FastAGI thread at a time, as asterisk-java does.
 */
final class LineSocket implements SocketConnectionFacade {
    private static final Logger log = LoggerFactory.getLogger(LineSocket.class);

    private final Socket socket;
    private final InputStream in;
    private final Writer out;
    private final int maxLineLength;
    private boolean ended;

    LineSocket(Socket socket, int readTimeoutMillis, int maxLineLength) throws IOException {
        this.socket = socket;
        this.maxLineLength = maxLineLength;
        socket.setSoTimeout(readTimeoutMillis);
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public String readLine() {
        if (ended) {
            return null;
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        try {
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return end("the peer closed the connection", null);
                }
                if (line.size() >= maxLineLength) {
                    return end("a line longer than " + maxLineLength + " characters", "warn");
                }
                line.write(b);
            }
        } catch (SocketTimeoutException e) {
            return end("no line within " + timeoutMillis() + " ms", "warn");
        } catch (IOException e) {
            return end("read failed: " + e, null);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private String end(String why, String level) {
        ended = true;
        if ("warn".equals(level)) {
            log.warn("FastAGI connection from {}: {}; closing it", socket.getRemoteSocketAddress(), why);
        } else {
            log.debug("FastAGI connection from {}: {}", socket.getRemoteSocketAddress(), why);
        }
        close();
        return null;
    }

    private int timeoutMillis() {
        try {
            return socket.getSoTimeout();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void write(String text) throws IOException {
        out.write(text);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("FastAGI: closing a socket failed: {}", e.toString());
        }
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected() && !socket.isClosed();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
