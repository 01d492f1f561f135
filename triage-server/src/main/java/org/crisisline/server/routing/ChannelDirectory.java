package org.crisisline.server.routing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.OperativeId;

/**
 * Which PBX channels belong to which queue call: the caller's channel (name and Uniqueid, from the
 * IVR), the call's Linkedid (from the AMI's CallArrived, or an operative's ringing), and, for an
 * agent-first call, the operative's originated channel. Also which operative each call is offered
 * to now, so a failed dial or originate names the right one.
 *
 * <p>Pure, not thread-safe: one owner, the router.
 */
final class ChannelDirectory {
    /** Bounds what is remembered of channels that never became calls (oldest forgotten first). */
    static final int MEMORY = 10_000;

    private final Map<String, CallId> byChannel = new HashMap<>();
    private final Map<String, CallId> byUniqueid = new HashMap<>();
    private final Map<String, CallId> byCallKey = new HashMap<>();
    private final Map<CallId, String> callerChannels = new HashMap<>();
    private final Map<CallId, OperativeId> offers = new HashMap<>();
    /** Every key each call is filed under, so forgetting a call costs its own keys, not a scan. */
    private final Map<CallId, Set<String>> keysOf = new HashMap<>();
    private final Map<String, String> unclaimedCallKeys = bounded();
    /**
     * Inbound channels by Uniqueid (a caller's call id), until registered here or hung up: another
     * node's IVR may have registered the caller, and this node may be the one to ring them.
     */
    private final Map<String, String> arrivals = bounded();

    private static Map<String, String> bounded() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > MEMORY;
            }
        };
    }

    /** An inbound channel the AMI saw created: its Linkedid, kept until the IVR registers it. */
    void channelArrived(String channel, String uniqueid, String callKey) {
        CallId known = byChannel.get(channel);
        if (known != null) {
            file(byCallKey, "k:", callKey, known);
        } else {
            unclaimedCallKeys.put(channel, callKey);
            if (uniqueid != null) {
                arrivals.put(uniqueid, channel);
            }
        }
    }

    /**
     * A channel the PBX listed when this node started: if it is a queued caller's (the call id is the
     * channel's Uniqueid) not filed here yet, it is kept as an arrival, so this node can ring the caller
     * ({@link #adopt}) although it never saw them come in.
     */
    void channelListed(String channel, String uniqueid) {
        if (!byUniqueid.containsKey(uniqueid)) {
            arrivals.put(uniqueid, channel);
        }
    }

    /** Whether the AMI saw an inbound channel with this Uniqueid arrive (and not yet registered or hung up). */
    boolean arrived(String uniqueid) {
        return uniqueid != null && arrivals.containsKey(uniqueid);
    }

    /**
     * The caller's channel of a call registered by another node's IVR, from the AMI's record of its
     * arrival (the call id is the channel's Uniqueid): filed as if registered here, so this node can
     * ring the caller and follow their channel.
     */
    Optional<String> adopt(CallId call) {
        String channel = arrivals.get(call.value());
        if (channel == null) {
            return Optional.empty();
        }
        callerRegistered(call, channel, call.value());
        return Optional.of(channel);
    }

    /** The IVR registered the caller on {@code channel}. */
    void callerRegistered(CallId call, String channel, String uniqueid) {
        file(byChannel, "c:", channel, call);
        file(byUniqueid, "u:", uniqueid, call);
        callerChannels.put(call, channel);
        arrivals.remove(uniqueid);
        String callKey = unclaimedCallKeys.remove(channel);
        if (callKey != null) {
            file(byCallKey, "k:", callKey, call);
        }
    }

    /** The call's Linkedid, learned late (e.g. from an operative's ringing on the caller's channel). */
    void learnCallKey(CallId call, String callKey) {
        if (callKey != null && !callKey.isBlank()) {
            file(byCallKey, "k:", callKey, call);
        }
    }

    /** An agent-first call's operative leg: its channel, and its Uniqueid, which is the new Linkedid. */
    void operativeLegUp(CallId call, String channel, String uniqueid) {
        file(byChannel, "c:", channel, call);
        file(byUniqueid, "u:", uniqueid, call);
        file(byCallKey, "k:", uniqueid, call);
    }

    /** Files {@code call} under {@code key} unless another call has it already. */
    private void file(Map<String, CallId> index, String kind, String key, CallId call) {
        if (key != null && index.putIfAbsent(key, call) == null) {
            keysOf.computeIfAbsent(call, c -> new HashSet<>()).add(kind + key);
        }
    }

    /** The call a channel belongs to: by name, then Uniqueid, then Linkedid. */
    Optional<CallId> find(String channel, String uniqueid, String callKey) {
        CallId found = channel == null ? null : byChannel.get(channel);
        if (found == null && uniqueid != null) {
            found = byUniqueid.get(uniqueid);
        }
        if (found == null && callKey != null) {
            found = byCallKey.get(callKey);
        }
        return Optional.ofNullable(found);
    }

    /** Whether {@code channel} is the caller's own channel of {@code call} (not an operative's). */
    boolean isCallerChannel(CallId call, String channel) {
        return channel != null && channel.equals(callerChannels.get(call));
    }

    Optional<String> callerChannel(CallId call) {
        return Optional.ofNullable(callerChannels.get(call));
    }

    /**
     * The channel a waiting caller can be reached on from here: filed (registered here, or rung from here), or
     * seen arriving or listed by the PBX (registered by another node's IVR, perhaps one that is gone).
     */
    Optional<String> reachableChannel(CallId call) {
        return callerChannel(call).or(() -> Optional.ofNullable(arrivals.get(call.value())));
    }

    void offered(CallId call, OperativeId operative) {
        offers.put(call, operative);
    }

    Optional<OperativeId> offeredTo(CallId call) {
        return Optional.ofNullable(offers.get(call));
    }

    /** The offer is over (answered, not answered, or the call ended); returns who it was made to. */
    Optional<OperativeId> offerEnded(CallId call) {
        return Optional.ofNullable(offers.remove(call));
    }

    /** A channel hung up: it can no longer be rung, redirected or announced to. */
    void channelEnded(String channel, String uniqueid) {
        CallId call = channel == null ? null : byChannel.remove(channel);
        if (uniqueid != null) {
            byUniqueid.remove(uniqueid);
            arrivals.remove(uniqueid);
        }
        unclaimedCallKeys.remove(channel);
        if (call != null && channel.equals(callerChannels.get(call))) {
            callerChannels.remove(call);
        }
    }

    /** The call is over for good: forget every channel of it. */
    void forget(CallId call) {
        for (String key : keysOf.getOrDefault(call, Set.of())) {
            Map<String, CallId> index = switch (key.charAt(0)) {
                case 'c' -> byChannel;
                case 'u' -> byUniqueid;
                default -> byCallKey;
            };
            index.remove(key.substring(2), call);
        }
        keysOf.remove(call);
        callerChannels.remove(call);
        offers.remove(call);
    }

    /** How many calls have a live caller channel (for tests and the summary). */
    int liveCallers() {
        return callerChannels.size();
    }
}
