package org.crisisline.server.softphone;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the panel's softphone registers: the PBX's SIP-over-WebSocket URL (Asterisk's {@code http.conf}
 * TLS listener, e.g. {@code wss://pbx.example:8089/ws}), the SIP domain of the operatives' addresses
 * ({@code sip:op1@<domain>}) and the ICE servers (STUN/TURN) the browser's media may need behind NAT.
 * No URL: the softphone is off and the panel says so. Immutable.
 *
 * @param wssUrl     the WebSocket URL, or empty when the softphone is off
 * @param sipDomain  the domain of the operatives' SIP addresses (blank only when off)
 * @param iceServers RTCIceServer entries as the browser takes them ({@code urls}, optional {@code username},
 *                   {@code credential})
 */
public record SoftphoneSettings(Optional<URI> wssUrl, String sipDomain, List<JsonObject> iceServers) {
    public SoftphoneSettings {
        Objects.requireNonNull(wssUrl, "wss-url");
        Objects.requireNonNull(sipDomain, "sip-domain");
        iceServers = Objects.requireNonNull(iceServers, "ice-servers").stream().map(JsonObject::copy).toList();
    }

    /** No softphone: the panel shows that audio is taken on a desk phone. */
    public static SoftphoneSettings off() {
        return new SoftphoneSettings(Optional.empty(), "", List.of());
    }

    public boolean enabled() {
        return wssUrl.isPresent();
    }

    /**
     * The Content-Security-Policy source that lets the pages open the WebSocket: the URL's scheme, host and
     * port ({@code wss://pbx.example:8089}); empty when the softphone is off.
     */
    public Optional<String> connectSource() {
        return wssUrl.map(url -> url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()));
    }

    /**
     * What the panel is told for {@code sipUser}: {@code enabled}, and when enabled the URL, domain, user and
     * ICE servers.
     */
    public JsonObject forOperative(String sipUser) {
        JsonObject json = new JsonObject().put("enabled", enabled());
        wssUrl.ifPresent(url -> json.put("wssUrl", url.toString()).put("sipDomain", sipDomain)
                .put("sipUser", sipUser).put("iceServers", new JsonArray(List.copyOf(iceServers))));
        return json;
    }
}
