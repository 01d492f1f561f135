package org.crisisline.telephony.sim;

import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import org.crisisline.telephony.wire.AmiFrameReader;
import org.crisisline.telephony.wire.AmiMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AMI client connection to the simulated PBX, speaking as Asterisk 22 does in ami-login.txt and
 * ami-login-failed.txt: the banner without an empty line after it; before login only Challenge,
 * Login and Logoff (anything else: {@code Permission denied}); Login with a plain {@code Secret} or
 * with {@code AuthType: MD5} and {@code Key} = md5(challenge + secret); a bad login is answered
 * {@code Authentication failed} after a delay and the socket closed. After login, FullyBooted and
 * SuccessfulAuth, then the event stream (unless {@code Events: off}) and {@link AmiActions}.
 *
 * <p>Threading: the simulated PBX's context only. A client that does not read its events fast
 * enough is disconnected, as Asterisk does after its write timeout.
 */
final class AmiSession implements AmiFrameReader.Listener {
    static final String BANNER = "Asterisk Call Manager/11.0.0";
    private static final Logger LOG = LoggerFactory.getLogger(AmiSession.class);
    private static final DateTimeFormatter EVENT_TV =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private final NetSocket socket;
    private final AmiServer server;
    private final String sessionId;
    private final AmiFrameReader reader = new AmiFrameReader(this, false);
    private String challenge;
    private String account;
    private boolean loggedIn;
    private boolean eventsOn = true;
    private boolean closed;

    AmiSession(NetSocket socket, AmiServer server, Random random) {
        this.socket = socket;
        this.server = server;
        this.sessionId = "0x" + Long.toHexString(0x7f0000000000L | (random.nextLong() & 0xffffffffffL));
    }

    void start() {
        socket.write(BANNER + "\r\n");
        socket.handler(buffer -> reader.feed(buffer.getBytes()));
        socket.exceptionHandler(failure -> {
            LOG.debug("simulated PBX: AMI client {} failed: {}", sessionId, failure.getMessage());
            close();
        });
        socket.closeHandler(ignored -> {
            closed = true;
            server.remove(this);
        });
    }

    /** An event from the PBX: written if this client is logged in and wants events. */
    void deliver(AmiMessage event) {
        if (loggedIn && eventsOn && !closed) {
            if (socket.writeQueueFull()) {
                LOG.warn("simulated PBX: AMI client {} is not reading its events; disconnecting it", sessionId);
                close();
                return;
            }
            write(event);
        }
    }

    @Override
    public void banner(String banner) {
        // A client never sends one.
    }

    @Override
    public void malformed(String problem) {
        LOG.debug("simulated PBX: malformed AMI input skipped: {}", problem);
    }

    @Override
    public void message(AmiMessage action) {
        if (closed) {
            return;
        }
        String id = action.actionId().orElse(null);
        String name = action.actionName().orElse("").toLowerCase(Locale.ROOT);
        if (name.equals("challenge")) {
            challenge = Integer.toString(100_000_000 + server.random().nextInt(900_000_000));
            write(AmiReplies.response("Success", id).add("Challenge", challenge).build());
        } else if (name.equals("login")) {
            login(action, id);
        } else if (!loggedIn && !name.equals("logoff")) {
            write(AmiReplies.error(id, "Permission denied"));
        } else {
            act(action, name);
        }
    }

    private void act(AmiMessage action, String name) {
        if (name.equals("events")) {
            eventsOn = AmiActions.eventsOn(action.get("EventMask").orElse("on"));
        }
        AmiActions.Outcome outcome = server.actions().handle(action);
        outcome.replies().forEach(this::write);
        if (!AmiActions.isKnown(name)) {
            write(security("RequestBadFormat", "Error").add("RequestType", "Action: " + action.actionName().orElse(""))
                    .add("SessionTV", eventTime()).add("AccountID", account).build());
        }
        if (outcome.close()) {
            close();
        }
        outcome.then().run();
    }

    private void login(AmiMessage action, String id) {
        String user = action.get("Username").orElse("");
        String secret = server.options().amiSecret();
        boolean md5 = action.get("AuthType").map(t -> t.equalsIgnoreCase("md5")).orElse(false);
        boolean ok = user.equals(server.options().amiUsername()) && (md5
                ? challenge != null && md5Hex(challenge + secret).equalsIgnoreCase(action.get("Key").orElse(""))
                : secret.equals(action.get("Secret").orElse(null)));
        if (!ok) {
            server.scheduler().schedule(server.options().loginFailureDelay().toMillis(), () -> {
                if (!closed) {
                    write(AmiReplies.error(id, "Authentication failed"));
                    close();
                }
            });
            return;
        }
        account = user;
        loggedIn = true;
        eventsOn = AmiActions.eventsOn(action.get("Events").orElse("on"));
        write(AmiReplies.success(id, "Authentication accepted"));
        long uptime = server.uptimeSeconds();
        write(AmiMessage.event("FullyBooted").add("Privilege", "system,all").add("Uptime", Long.toString(uptime))
                .add("LastReload", Long.toString(uptime)).add("Status", "Fully Booted").build());
        write(security("SuccessfulAuth", "Informational").add("UsingPassword", "0")
                .add("SessionTV", eventTime()).build());
    }

    private AmiMessage.Builder security(String event, String severity) {
        AmiMessage.Builder b = AmiMessage.event(event).add("Privilege", "security,all").add("EventTV", eventTime())
                .add("Severity", severity).add("Service", "AMI").add("EventVersion", "1");
        if (event.equals("SuccessfulAuth")) {
            b.add("AccountID", account);
        }
        return b.add("SessionID", sessionId)
                .add("LocalAddress", "IPV4/TCP/" + socket.localAddress().host() + "/" + socket.localAddress().port())
                .add("RemoteAddress", "IPV4/TCP/" + socket.remoteAddress().host() + "/"
                        + socket.remoteAddress().port());
    }

    private String eventTime() {
        return EVENT_TV.format(Instant.ofEpochMilli(server.scheduler().now()));
    }

    private void write(AmiMessage message) {
        socket.write(message.toWire());
    }

    void close() {
        if (!closed) {
            closed = true;
            socket.close();
            server.remove(this);
        }
    }

    static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no MD5 in this JVM", e);
        }
    }
}
