package org.crisisline.telephony.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asterisk's own {@code Queue(crisisline-fallback)}, where callers go when Crisisline cannot take
 * them: QueueCallerJoin, music on hold, every second (app_queue.c's RECHECK poll) the caller at the
 * head rings a free simulated fallback agent (AgentCalled, Dial), and on answer QueueCallerLeave,
 * AgentConnect and a bridge; AgentComplete after the caller hangs up. A caller who hangs up or is
 * redirected while waiting gives QueueCallerAbandon then QueueCallerLeave.
 *
 * <p>Not thread-safe: the model's thread only.
 */
final class FallbackQueue {
    static final String NAME = "crisisline-fallback";
    private static final long RECHECK_MILLIS = 1000;

    private final PbxModel model;
    private final SimScheduler scheduler;
    private final EndpointDialer dialer;
    private final Population population;
    private final List<String> agents = new ArrayList<>();
    private final List<InboundCall> waiting = new ArrayList<>();
    private final Map<InboundCall, Long> joinedAt = new HashMap<>();
    private final Map<InboundCall, Integer> originalPosition = new HashMap<>();
    private final Map<InboundCall, EndpointDialer.Attempt> ringing = new HashMap<>();
    private final Talk talk;

    /** What happens once a caller is bridged: the caller talks and hangs up. */
    interface Talk {
        void talking(InboundCall call);
    }

    FallbackQueue(PbxModel model, SimScheduler scheduler, EndpointDialer dialer, Population population,
                  int agentCount, Talk talk) {
        this.model = model;
        this.scheduler = scheduler;
        this.dialer = dialer;
        this.population = population;
        this.talk = talk;
        for (int i = 1; i <= agentCount; i++) {
            agents.add("fallback" + i);
        }
    }

    boolean contains(InboundCall call) {
        return waiting.contains(call);
    }

    int size() {
        return waiting.size();
    }

    void join(InboundCall call) {
        waiting.add(call);
        joinedAt.put(call, model.now());
        originalPosition.put(call, waiting.size());
        model.emit(AmiEvents.queueCallerJoin(call.inbound(), NAME, waiting.size(), waiting.size()));
        model.emit(AmiEvents.musicOnHoldStart(call.inbound()));
        scheduler.schedule(RECHECK_MILLIS, this::distribute);
    }

    /** The caller left without being answered (hung up, or was redirected elsewhere). */
    void abandon(InboundCall call) {
        int position = waiting.indexOf(call) + 1;
        if (position == 0) {
            return;
        }
        EndpointDialer.Attempt attempt = ringing.remove(call);
        if (attempt != null) {
            attempt.cancel();
        }
        waiting.remove(call);
        long held = (model.now() - joinedAt.remove(call)) / 1000;
        model.emit(AmiEvents.queueCallerAbandon(call.inbound(), NAME, position, originalPosition.remove(call), held));
        model.emit(AmiEvents.queueCallerLeave(call.inbound(), NAME, position, waiting.size()));
    }

    /** Rings free agents for the longest-waiting callers not already ringing one. */
    private void distribute() {
        for (int i = 0; i < waiting.size(); i++) {
            InboundCall call = waiting.get(i);
            if (ringing.containsKey(call)) {
                continue;
            }
            String agent = agents.stream().filter(a -> !dialer.isBusy("PJSIP/" + a)).findFirst().orElse(null);
            if (agent == null) {
                return;
            }
            ring(call, agent);
        }
    }

    private void ring(InboundCall call, String agent) {
        String iface = "PJSIP/" + agent;
        long ringStart = model.now();
        SimChannel caller = call.inbound();
        DialTarget target = DialTarget.pjsip(agent, population.fallbackAgent());
        ringing.put(call, null);
        EndpointDialer.Attempt attempt = dialer.dial(caller, target, caller.linkedid(), caller.callerIdNum(),
                caller.callerIdName(), 15_000,
                member -> model.emit(AmiEvents.agentCalled(caller, member, NAME, iface)),
                result -> answered(call, iface, ringStart, result));
        if (ringing.containsKey(call)) {
            ringing.put(call, attempt);
        }
    }

    private void answered(InboundCall call, String iface, long ringStart, EndpointDialer.Result result) {
        ringing.remove(call);
        if (!result.isAnswered()) {
            scheduler.schedule(RECHECK_MILLIS, this::distribute);
            return;
        }
        SimChannel caller = call.inbound();
        SimChannel member = result.answered();
        int position = waiting.indexOf(call) + 1;
        waiting.remove(call);
        long held = (model.now() - joinedAt.remove(call)) / 1000;
        originalPosition.remove(call);
        model.emit(AmiEvents.musicOnHoldStop(caller));
        model.emit(AmiEvents.queueCallerLeave(caller, NAME, position, waiting.size()));
        model.emit(AmiEvents.agentConnect(caller, member, NAME, iface, held, (model.now() - ringStart) / 1000));
        long talkStart = model.now();
        caller.onHangup(() -> model.emit(AmiEvents.agentComplete(caller, member, NAME, iface, held,
                (model.now() - talkStart) / 1000)));
        member.onHangup(() -> scheduler.schedule(RECHECK_MILLIS, this::distribute));
        model.bridge(member, caller);
        talk.talking(call);
    }
}
