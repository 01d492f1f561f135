package org.crisisline.telephony.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One AMI message as it crosses the wire: an action, a response or an event, with its headers in
 * the order they came. Header names compare without case (Asterisk writes {@code ActionID}, clients
 * {@code ActionId}); a header may repeat ({@code Variable:} on Originate, {@code Output:} on Command).
 *
 * <p>Tell an event from a response by {@code Event:} first: a real OriginateResponse is an event that
 * also carries {@code Response:} (fixtures README). Immutable and thread-safe.
 */
public final class AmiMessage {
    private final List<Header> headers;

    /** One {@code Name: value} line. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private AmiMessage(List<Header> headers) {
        this.headers = List.copyOf(headers);
    }

    public static AmiMessage of(List<Header> headers) {
        return new AmiMessage(headers);
    }

    public static Builder action(String action) {
        return new Builder().add("Action", action);
    }

    public static Builder event(String event) {
        return new Builder().add("Event", event);
    }

    public static Builder response(String response) {
        return new Builder().add("Response", response);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Header> headers() {
        return headers;
    }

    /** The first value of a header, if present. */
    public Optional<String> get(String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    /** Every value of a header, in order. */
    public List<String> getAll(String name) {
        List<String> values = new ArrayList<>();
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                values.add(header.value());
            }
        }
        return values;
    }

    public boolean isEvent() {
        return get("Event").isPresent();
    }

    public boolean isAction() {
        return get("Action").isPresent();
    }

    public boolean isResponse() {
        return !isEvent() && get("Response").isPresent();
    }

    public Optional<String> eventName() {
        return get("Event");
    }

    public Optional<String> actionName() {
        return get("Action");
    }

    public Optional<String> actionId() {
        return get("ActionID");
    }

    /** A copy with every {@code ActionID} header set to {@code actionId} (replaying a capture). */
    public AmiMessage withActionId(String actionId) {
        List<Header> copy = new ArrayList<>(headers.size());
        for (Header header : headers) {
            copy.add(header.name().equalsIgnoreCase("ActionID") ? new Header(header.name(), actionId) : header);
        }
        return new AmiMessage(copy);
    }

    /** The message as Asterisk writes it: each header and the closing empty line end in CRLF. */
    public String toWire() {
        StringBuilder wire = new StringBuilder(headers.size() * 32);
        for (Header header : headers) {
            wire.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        return wire.append("\r\n").toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AmiMessage message && message.headers.equals(headers);
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }

    @Override
    public String toString() {
        String kind = eventName().map(e -> "Event " + e)
                .or(() -> actionName().map(a -> "Action " + a))
                .or(() -> get("Response").map(r -> "Response " + r))
                .orElse("message");
        return "AmiMessage[" + kind + ", " + headers.size() + " headers]";
    }

    /** Builds a message header by header. Not thread-safe. */
    public static final class Builder {
        private final List<Header> headers = new ArrayList<>();

        public Builder add(String name, String value) {
            headers.add(new Header(name, value));
            return this;
        }

        public Builder addAll(List<Header> more) {
            headers.addAll(more);
            return this;
        }

        public AmiMessage build() {
            return new AmiMessage(headers);
        }
    }
}
