package org.crisisline.server.softphone;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@link SoftphoneSettings} from the server configuration's {@code softphone} section:
 *
 * <pre>{@code
 * "softphone": {
 *   "wss-url": "wss://pbx.example:8089/ws",
 *   "sip-domain": "pbx.example",
 *   "ice-servers": [ { "urls": ["stun:stun.example:3478"] } ]
 * }
 * }</pre>
 *
 * An empty {@code wss-url} turns the softphone off. The URL must be {@code wss:}; plain {@code ws:} is
 * accepted only to a loopback host (a PBX on the same machine, or a test), where browsers treat it as
 * secure. A bad value fails with a message naming the key. Pure; thread-safe.
 */
public final class SoftphoneSettingsReader {
    private static final Set<String> KEYS = Set.of("wss-url", "sip-domain", "ice-servers");
    private static final Set<String> ICE_KEYS = Set.of("urls", "username", "credential");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private SoftphoneSettingsReader() {
    }

    public static SoftphoneSettings read(JsonObject section) {
        for (String key : section.fieldNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("softphone." + key + ": unknown key (known: " + KEYS + ")");
            }
        }
        String url = text(section, "wss-url");
        if (url.isEmpty()) {
            return SoftphoneSettings.off();
        }
        String domain = text(section, "sip-domain");
        if (domain.isEmpty() || !domain.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("softphone.sip-domain: a host name such as pbx.example, got '" + domain + "'");
        }
        return new SoftphoneSettings(Optional.of(webSocketUrl(url)), domain, iceServers(section));
    }

    private static URI webSocketUrl(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("softphone.wss-url: not a URL: " + e.getMessage());
        }
        boolean secure = "wss".equals(url.getScheme());
        boolean loopback = "ws".equals(url.getScheme()) && url.getHost() != null && LOOPBACK.contains(url.getHost());
        if (url.getHost() == null || !(secure || loopback)) {
            throw new IllegalArgumentException("softphone.wss-url: a wss:// URL such as wss://pbx.example:8089/ws"
                    + " (ws:// only to localhost), got '" + text + "'");
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("softphone.wss-url: no user, query or fragment, got '" + text + "'");
        }
        return url;
    }

    private static List<JsonObject> iceServers(JsonObject section) {
        Object value = section.getValue("ice-servers", new JsonArray());
        if (!(value instanceof JsonArray array)) {
            throw new IllegalArgumentException("softphone.ice-servers: a list of {\"urls\": [...]} objects");
        }
        List<JsonObject> servers = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String key = "softphone.ice-servers[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject server) || !ICE_KEYS.containsAll(server.fieldNames())) {
                throw new IllegalArgumentException(key + ": an object with urls and optional username, credential");
            }
            if (!(server.getValue("urls") instanceof JsonArray urls) || urls.isEmpty()
                    || !urls.stream().allMatch(u -> u instanceof String s && s.matches("(stuns?|turns?):\\S+"))) {
                throw new IllegalArgumentException(key + ".urls: a non-empty list of stun:, stuns:, turn: or turns: URLs");
            }
            servers.add(server);
        }
        return servers;
    }

    private static String text(JsonObject section, String key) {
        Object value = section.getValue(key, "");
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("softphone." + key + ": a string, got " + value);
        }
        return text.trim();
    }
}
