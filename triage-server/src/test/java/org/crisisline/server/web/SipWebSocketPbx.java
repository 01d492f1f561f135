package org.crisisline.server.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisline.server.softphone.SoftphoneSettings;

/**
 * Plays the PBX for the browser softphone: a SIP registrar and caller over WebSocket (RFC 7118, subprotocol
 * {@code sip}) on loopback. REGISTER is challenged with a 401 and MD5 digest (RFC 3261 section 22.4,
 * RFC 2617 section 3.2.2; no qop), then accepted with a 200 echoing the Contact only when the digest matches
 * the endpoint's password; a wrong digest is challenged again, as Asterisk does. {@link #invite} sends the
 * registered endpoint an INVITE with an SDP offer, as Asterisk does when the dialplan dials
 * {@code PJSIP/<operative>}, and ACKs its 200. Every request received is kept for the test. One browser
 * connection at a time; handlers run on the event loop.
 */
final class SipWebSocketPbx {
    static final String DOMAIN = "pbx.test";
    private static final String REALM = "crisisline";
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

    final LinkedBlockingQueue<SipMessage> requests = new LinkedBlockingQueue<>();
    private final Map<String, String> passwords;
    private final String nonce = UUID.randomUUID().toString().replace("-", "");
    private HttpServer server;
    private volatile ServerWebSocket browser;
    private volatile Optional<String> registeredContact = Optional.empty();
    private volatile Promise<SipMessage> answer;

    private SipWebSocketPbx(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    /** A PBX on a free loopback port whose endpoints (SIP users) have these passwords. */
    static Future<SipWebSocketPbx> start(Vertx vertx, Map<String, String> passwords) {
        SipWebSocketPbx pbx = new SipWebSocketPbx(passwords);
        return vertx.createHttpServer(new HttpServerOptions().addWebSocketSubProtocol("sip"))
                .webSocketHandler(pbx::accept)
                .listen(0, "127.0.0.1")
                .map(listening -> {
                    pbx.server = listening;
                    return pbx;
                });
    }

    SoftphoneSettings settings() {
        return new SoftphoneSettings(Optional.of(URI.create("ws://127.0.0.1:" + server.actualPort() + "/ws")), DOMAIN,
                List.of());
    }

    /** The Contact the endpoint registered, once a REGISTER with the right digest was accepted. */
    Optional<String> registeredContact() {
        return registeredContact;
    }

    /**
     * Calls the registered endpoint with {@code sdpOffer}; completes with its 200 OK (whose body is the SDP
     * answer) once that is ACKed.
     */
    Future<SipMessage> invite(String sdpOffer) {
        String contact = registeredContact.orElseThrow(() -> new IllegalStateException("nobody registered"));
        answer = Promise.promise();
        send(SipMessage.request("INVITE", contact, List.of(
                Map.entry("Via", "SIP/2.0/WSS " + host() + ";branch=z9hG4bK" + token()),
                Map.entry("Max-Forwards", "70"),
                Map.entry("From", "<sip:crisisline@" + DOMAIN + ">;tag=" + token()),
                Map.entry("To", "<" + contact + ">"),
                Map.entry("Call-ID", token()),
                Map.entry("CSeq", "1 INVITE"),
                Map.entry("Contact", "<sip:crisisline@" + host() + ";transport=ws>"),
                Map.entry("Content-Type", "application/sdp")), sdpOffer));
        return answer.future();
    }

    Future<Void> close() {
        return server.close();
    }

    private void accept(ServerWebSocket socket) {
        browser = socket;
        socket.textMessageHandler(text -> received(SipMessage.parse(text)));
    }

    private void received(SipMessage message) {
        if (!message.isRequest()) {
            if (message.method().equals("INVITE") && message.status() == 200) {
                acknowledge(message);
            }
            return;
        }
        requests.add(message);
        switch (message.method()) {
            case "REGISTER" -> register(message);
            case "ACK" -> { }
            default -> send(SipMessage.response(message, 200, "OK", token(), List.of(), ""));
        }
    }

    private void register(SipMessage request) {
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isEmpty() || !digestMatches(request, authorization.get())) {
            send(SipMessage.response(request, 401, "Unauthorized", token(), List.of(Map.entry("WWW-Authenticate",
                    "Digest realm=\"" + REALM + "\", nonce=\"" + nonce + "\", algorithm=MD5")), ""));
            return;
        }
        String contact = request.header("Contact").orElseThrow();
        registeredContact = Optional.of(request.uriIn("Contact"));
        send(SipMessage.response(request, 200, "OK", token(), List.of(Map.entry("Contact", contact + ";expires=600"),
                Map.entry("Expires", "600")), ""));
    }

    /** RFC 2617 3.2.2.1: response = MD5(MD5(user:realm:password) : nonce : MD5(method:uri)), qop absent. */
    private boolean digestMatches(SipMessage request, String authorization) {
        Map<String, String> params = new java.util.HashMap<>();
        Matcher m = PARAM.matcher(authorization);
        while (m.find()) {
            params.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String password = passwords.get(params.get("username"));
        if (password == null || !nonce.equals(params.get("nonce")) || !REALM.equals(params.get("realm"))) {
            return false;
        }
        String ha1 = md5(params.get("username") + ":" + REALM + ":" + password);
        String ha2 = md5(request.method() + ":" + params.get("uri"));
        return md5(ha1 + ":" + nonce + ":" + ha2).equals(params.get("response"));
    }

    /** RFC 3261 17.1.1.3: the ACK of a 2xx is a new transaction to the remote target, in the dialog. */
    private void acknowledge(SipMessage ok) {
        send(SipMessage.request("ACK", ok.uriIn("Contact"), List.of(
                Map.entry("Via", "SIP/2.0/WSS " + host() + ";branch=z9hG4bK" + token()),
                Map.entry("Max-Forwards", "70"),
                Map.entry("From", ok.header("From").orElseThrow()),
                Map.entry("To", ok.header("To").orElseThrow()),
                Map.entry("Call-ID", ok.header("Call-ID").orElseThrow()),
                Map.entry("CSeq", "1 ACK")), ""));
        answer.tryComplete(ok);
    }

    private void send(SipMessage message) {
        browser.writeTextMessage(message.render());
    }

    private String host() {
        return "127.0.0.1:" + server.actualPort();
    }

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 12);
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
