package org.crisisline.server.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One SIP message as it travels in a WebSocket text frame (RFC 7118 section 5: one message per frame):
 * the start line, the headers in order and the body. Parses and renders the subset the softphone test
 * needs; compact header names (RFC 3261 section 7.3.3) are expanded. Immutable.
 */
record SipMessage(String startLine, List<Map.Entry<String, String>> headers, String body) {
    private static final Map<String, String> COMPACT = Map.of("v", "Via", "f", "From", "t", "To", "i", "Call-ID",
            "m", "Contact", "l", "Content-Length", "c", "Content-Type", "k", "Supported");

    static SipMessage parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim();
            headers.add(Map.entry(COMPACT.getOrDefault(name.toLowerCase(), name), lines[i].substring(colon + 1).trim()));
        }
        return new SipMessage(lines[0], List.copyOf(headers), body);
    }

    /** A request: {@code method uri SIP/2.0}, the headers given, then Content-Length. */
    static SipMessage request(String method, String uri, List<Map.Entry<String, String>> headers, String body) {
        return new SipMessage(method + " " + uri + " SIP/2.0", withLength(headers, body), body);
    }

    /** A response to {@code request}: its Via, From, To (with {@code toTag} if it has none), Call-ID and CSeq, then {@code extra}. */
    static SipMessage response(SipMessage request, int status, String reason, String toTag,
            List<Map.Entry<String, String>> extra, String body) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        request.headers.stream().filter(h -> h.getKey().equalsIgnoreCase("Via")).forEach(headers::add);
        headers.add(Map.entry("From", request.header("From").orElseThrow()));
        String to = request.header("To").orElseThrow();
        headers.add(Map.entry("To", to.contains(";tag=") ? to : to + ";tag=" + toTag));
        headers.add(Map.entry("Call-ID", request.header("Call-ID").orElseThrow()));
        headers.add(Map.entry("CSeq", request.header("CSeq").orElseThrow()));
        headers.addAll(extra);
        return new SipMessage("SIP/2.0 " + status + " " + reason, withLength(headers, body), body);
    }

    private static List<Map.Entry<String, String>> withLength(List<Map.Entry<String, String>> headers, String body) {
        List<Map.Entry<String, String>> all = new ArrayList<>(headers);
        all.add(Map.entry("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length)));
        return List.copyOf(all);
    }

    boolean isRequest() {
        return !startLine.startsWith("SIP/2.0 ");
    }

    /** The request's method, or the response's CSeq method. */
    String method() {
        return isRequest() ? startLine.split(" ")[0] : header("CSeq").orElseThrow().split(" ")[1];
    }

    /** The response's status code. */
    int status() {
        return Integer.parseInt(startLine.split(" ")[1]);
    }

    Optional<String> header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** The address in a header's angle brackets ({@code <sip:op1@pbx.test>;tag=x} gives {@code sip:op1@pbx.test}). */
    String uriIn(String header) {
        String value = header(header).orElseThrow();
        return value.substring(value.indexOf('<') + 1, value.indexOf('>'));
    }

    String render() {
        StringBuilder text = new StringBuilder(startLine).append("\r\n");
        headers.forEach(h -> text.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        return text.append("\r\n").append(body).toString();
    }
}
