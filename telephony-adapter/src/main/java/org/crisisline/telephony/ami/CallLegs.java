package org.crisisline.telephony.ami;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.crisisline.telephony.event.CallArrived;
import org.crisisline.telephony.event.CallEnded;
import org.crisisline.telephony.event.CallerIdentified;
import org.crisisline.telephony.event.ChannelDiscovered;
import org.crisisline.telephony.event.ChannelVanished;
import org.crisisline.telephony.event.OperativeAnswered;
import org.crisisline.telephony.event.OperativeRinging;
import org.crisisline.telephony.event.OriginateSucceeded;
import org.crisisline.telephony.event.PhoneNumber;
import org.crisisline.telephony.event.TelephonyEvent;

/**
 * Which channels of a PBX are live and what part they play in a call, keyed by Uniqueid; the legs
 * of one call share a Linkedid (the callKey). Fed the mapped events in arrival order, it says which
 * to publish: AMI events come out of causal order and sometimes twice, so it
 * <ul>
 *   <li>reports a channel's Hangup once (a repeat of the same Uniqueid is dropped),</li>
 *   <li>reports an operative ringing or answering once per operative channel (AgentCalled and
 *       DialBegin both say it),</li>
 *   <li>reports a caller's number once it is new for a caller leg; a number that comes before the
 *       call is kept and put into the CallArrived,</li>
 *   <li>never relies on AgentComplete (it may come without channel fields, or after the next call).</li>
 * </ul>
 * After a reconnect, {@link #reconcile} compares its view with the PBX's list of live channels.
 *
 * <p>Pure: no I/O, no clock, no Vert.x. Not thread-safe: one owner (the link's context).
 */
final class CallLegs {
    /** Bounds the memory of ended channels and early caller IDs (oldest forgotten first). */
    static final int MEMORY = 10_000;

    private record Leg(String uniqueid, String channel, String callKey, CallEnded.Leg role) {
    }

    private final Predicate<String> isOperative;
    private final Map<String, Leg> live = new HashMap<>();
    private final Map<String, Boolean> ended = bounded();
    private final Map<String, Boolean> operativeRinging = bounded();
    private final Map<String, Boolean> operativeAnswered = bounded();
    private final Map<String, PhoneNumber> callerNumbers = bounded();

    /** {@code isOperative} tells an operative's channel by its name. */
    CallLegs(Predicate<String> isOperative) {
        this.isOperative = isOperative;
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MEMORY;
            }
        };
    }

    /** The events to publish for one mapped event: itself, corrected, or nothing. */
    List<TelephonyEvent> accept(TelephonyEvent event) {
        if (event instanceof CallArrived arrived) {
            return arrived(arrived);
        } else if (event instanceof CallerIdentified identified) {
            return identified(identified);
        } else if (event instanceof OperativeRinging ringing) {
            track(ringing.operativeUniqueid(), ringing.operativeChannel(), ringing.callKey(), CallEnded.Leg.OPERATIVE);
            return once(operativeRinging, ringing.operativeUniqueid(), event);
        } else if (event instanceof OperativeAnswered answered) {
            track(answered.operativeUniqueid(), answered.operativeChannel(), answered.callKey(), CallEnded.Leg.OPERATIVE);
            return once(operativeAnswered, answered.operativeUniqueid(), event);
        } else if (event instanceof OriginateSucceeded succeeded && isOperative.test(succeeded.channel())) {
            // The first leg of an agent-first callback is the operative's (its Uniqueid is the Linkedid).
            track(succeeded.uniqueid(), succeeded.channel(), succeeded.uniqueid(), CallEnded.Leg.OPERATIVE);
            return List.of(event);
        } else if (event instanceof CallEnded hangup) {
            return ended(hangup);
        }
        return List.of(event);
    }

    private List<TelephonyEvent> arrived(CallArrived arrived) {
        if (ended.containsKey(arrived.uniqueid()) || live.containsKey(arrived.uniqueid())) {
            return List.of();
        }
        track(arrived.uniqueid(), arrived.channel(), arrived.callKey(), CallEnded.Leg.CALLER);
        PhoneNumber early = callerNumbers.get(arrived.uniqueid());
        CallArrived published = arrived.callerNumber().isEmpty() && early != null
                ? arrived.withCallerNumber(early) : arrived;
        published.callerNumber().ifPresent(number -> callerNumbers.put(arrived.uniqueid(), number));
        return List.of(published);
    }

    private List<TelephonyEvent> identified(CallerIdentified identified) {
        Leg leg = live.get(identified.uniqueid());
        if (leg == null) {
            if (!ended.containsKey(identified.uniqueid())) {
                callerNumbers.put(identified.uniqueid(), identified.callerNumber());
            }
            return List.of();
        }
        if (leg.role() != CallEnded.Leg.CALLER
                || identified.callerNumber().equals(callerNumbers.get(identified.uniqueid()))) {
            return List.of();
        }
        callerNumbers.put(identified.uniqueid(), identified.callerNumber());
        return List.of(identified);
    }

    private List<TelephonyEvent> ended(CallEnded hangup) {
        if (ended.containsKey(hangup.uniqueid())) {
            return List.of();
        }
        ended.put(hangup.uniqueid(), Boolean.TRUE);
        callerNumbers.remove(hangup.uniqueid());
        Leg leg = live.remove(hangup.uniqueid());
        return List.of(leg == null ? hangup : hangup.withLeg(leg.role()));
    }

    private void track(String uniqueid, String channel, String callKey, CallEnded.Leg role) {
        if (uniqueid != null && !ended.containsKey(uniqueid)) {
            live.putIfAbsent(uniqueid, new Leg(uniqueid, channel, callKey, role));
        }
    }

    private static List<TelephonyEvent> once(Map<String, Boolean> seen, String key, TelephonyEvent event) {
        if (key == null) {
            return List.of(event);
        }
        return seen.put(key, Boolean.TRUE) == null ? List.of(event) : List.of();
    }

    /**
     * Compares the channels believed live when the resync was asked for ({@code believedLive}) with those the PBX reports after a (re)connect: a tracked
     * channel the PBX no longer has ended unseen ({@link ChannelVanished}); a channel the PBX has in a
     * line's context or on an operative endpoint that is not tracked is {@link ChannelDiscovered} and
     * tracked from now on.
     */
    List<TelephonyEvent> reconcile(Collection<LiveChannel> reported, Set<String> believedLive, Instant at,
                                   AmiOptions options) {
        String pbx = options.pbx();
        Map<String, LiveChannel> byUniqueid = new HashMap<>();
        reported.forEach(channel -> byUniqueid.put(channel.uniqueid(), channel));
        List<TelephonyEvent> corrections = new ArrayList<>();
        for (Leg leg : List.copyOf(live.values())) {
            // A channel first seen after the resync was asked for may be missing from the answer.
            if (believedLive.contains(leg.uniqueid()) && !byUniqueid.containsKey(leg.uniqueid())) {
                live.remove(leg.uniqueid());
                ended.put(leg.uniqueid(), Boolean.TRUE);
                corrections.add(new ChannelVanished(pbx, at, leg.callKey(), leg.channel(), leg.uniqueid()));
            }
        }
        for (LiveChannel channel : reported) {
            Optional<String> line = Optional.ofNullable(options.lineOf(channel.context()));
            boolean operative = isOperative.test(channel.channel());
            if (live.containsKey(channel.uniqueid()) || ended.containsKey(channel.uniqueid())
                    || (line.isEmpty() && !operative)) {
                continue;
            }
            track(channel.uniqueid(), channel.channel(), channel.linkedid(),
                    operative ? CallEnded.Leg.OPERATIVE : CallEnded.Leg.CALLER);
            corrections.add(new ChannelDiscovered(pbx, at, channel.linkedid(), channel.channel(), channel.uniqueid(),
                    channel.context(), channel.exten(), line));
        }
        return corrections;
    }

    /** The Uniqueids of the channels believed live (a copy). */
    Set<String> liveUniqueids() {
        return Set.copyOf(live.keySet());
    }

    /** How many channels are believed live. */
    int liveCount() {
        return live.size();
    }

    boolean isLive(String uniqueid) {
        return live.containsKey(uniqueid);
    }
}
