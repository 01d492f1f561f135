package org.crisisline.telephony.sim;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Asterisk's {@code Dial()} in the simulated PBX: creates the dialled channel(s), emits
 * DialBegin / DialState RINGING / DialEnd with the outcome (ANSWER, BUSY, NOANSWER, CHANUNAVAIL,
 * CANCEL) as the captures show them, and keeps each device busy while a channel to it is up, so
 * dialling a busy operative gives BUSY.
 *
 * <p>Not thread-safe: the model's thread only.
 */
final class EndpointDialer {
    /** The outcome of a dial: the answered (dialled-side) channel for ANSWER, else null. */
    record Result(String dialStatus, SimChannel answered) {
        boolean isAnswered() {
            return answered != null;
        }
    }

    /** A dial in progress. */
    interface Attempt {
        /** The calling side gave up (hung up or was redirected): DialEnd CANCEL, the dialled side hangs up. */
        void cancel();
    }

    private final PbxModel model;
    private final SimScheduler scheduler;
    private final Set<String> busyDevices = new HashSet<>();

    EndpointDialer(PbxModel model, SimScheduler scheduler) {
        this.model = model;
        this.scheduler = scheduler;
    }

    boolean isBusy(String device) {
        return busyDevices.contains(device);
    }

    /**
     * Dials {@code target} for at most {@code timeoutMillis}; {@code caller} is null for an
     * originated call. {@code done} runs once with the outcome, except after {@link Attempt#cancel}.
     */
    Attempt dial(SimChannel caller, DialTarget target, String linkedid, String cidNum, String cidName,
                 long timeoutMillis, Consumer<Result> done) {
        return dial(caller, target, linkedid, cidNum, cidName, timeoutMillis, created -> { }, done);
    }

    /** As above; {@code created} sees the dialled channel before DialBegin (where app_queue emits AgentCalled). */
    Attempt dial(SimChannel caller, DialTarget target, String linkedid, String cidNum, String cidName,
                 long timeoutMillis, Consumer<SimChannel> created, Consumer<Result> done) {
        Pickup pickup = busyDevices.contains(target.device()) ? new Pickup.Busy() : target.pickup();
        if (pickup instanceof Pickup.NoSuchEndpoint) {
            return noSuchEndpoint(target, linkedid, cidNum, cidName, done);
        }
        SimChannel outer;
        SimChannel inner;
        if (target.isLocal()) {
            SimChannel[] pair = model.newLocalPair(target.endpoint(), target.context(), linkedid, cidNum, cidName);
            outer = pair[0];
            inner = pair[1];
        } else {
            outer = model.newTechChannel(target.tech(), target.endpoint(), target.context(), linkedid);
            inner = outer;
        }
        if (!(pickup instanceof Pickup.Busy)) {
            busyDevices.add(target.device());
            outer.onHangup(() -> busyDevices.remove(target.device()));
        }
        created.accept(outer);
        model.emit(AmiEvents.dialBegin(caller, outer, target.dialString()));
        if (pickup instanceof Pickup.Busy) {
            busy(caller, outer, inner);
            done.accept(new Result("BUSY", null));
            return () -> { };
        }
        model.setState(outer, ChannelState.RINGING);
        model.emit(AmiEvents.dialState(caller, outer, "RINGING"));
        return ring(caller, outer, inner, pickup, timeoutMillis, done);
    }

    /** What app_dial leaves on the calling channel (noise for a queue, but a third of a real stream). */
    private void dialStatus(SimChannel caller, SimChannel dest, String status) {
        if (caller != null) {
            model.setNoiseVariable(caller, "DIALSTATUS", status);
            model.setNoiseVariable(caller, "DIALEDPEERNUMBER", dest.exten());
        }
    }

    private Attempt ring(SimChannel caller, SimChannel outer, SimChannel inner, Pickup pickup, long timeoutMillis,
                         Consumer<Result> done) {
        boolean answers = pickup instanceof Pickup.Answers a && a.afterMillis() < timeoutMillis;
        long after = answers ? ((Pickup.Answers) pickup).afterMillis() : timeoutMillis;
        boolean[] finished = {false};
        SimScheduler.Timer timer = scheduler.schedule(after, () -> {
            finished[0] = true;
            if (answers) {
                model.setState(inner, ChannelState.UP);
                model.setState(outer, ChannelState.UP);
                model.emit(AmiEvents.dialEnd(caller, outer, "ANSWER"));
                dialStatus(caller, outer, "ANSWER");
                done.accept(new Result("ANSWER", outer));
            } else {
                model.emit(AmiEvents.dialEnd(caller, outer, "NOANSWER"));
                dialStatus(caller, outer, "NOANSWER");
                model.hangupLeg(outer, 16);
                done.accept(new Result("NOANSWER", null));
            }
        });
        // Hung up while ringing (an AMI Hangup, a softphone's reject): Dial reports BUSY.
        outer.beforeHangup(() -> {
            if (!finished[0]) {
                finished[0] = true;
                timer.cancel();
                model.emit(AmiEvents.dialEnd(caller, outer, "BUSY"));
                dialStatus(caller, outer, "BUSY");
                scheduler.schedule(0, () -> done.accept(new Result("BUSY", null)));
            }
        });
        return () -> {
            if (!finished[0]) {
                finished[0] = true;
                timer.cancel();
                model.emit(AmiEvents.dialEnd(caller, outer, "CANCEL"));
                model.hangupLeg(outer, 16);
            }
        };
    }

    /** As ami-originate-failed.txt (a): the far half is busy, cause 17 "User busy". */
    private void busy(SimChannel caller, SimChannel outer, SimChannel inner) {
        model.setState(inner, ChannelState.BUSY);
        model.emit(AmiEvents.dialEnd(caller, outer, "BUSY"));
        dialStatus(caller, outer, "BUSY");
        if (inner != outer) {
            model.hangupRequest(inner, 0);
            model.hangup(outer, 0, false);
        }
        model.hangup(inner, 17, inner != outer);
    }

    /** As ami-originate-failed.txt (b): a Local pair appears and both halves hang up, cause 0. */
    private Attempt noSuchEndpoint(DialTarget target, String linkedid, String cidNum, String cidName,
                                   Consumer<Result> done) {
        if (target.isLocal()) {
            SimChannel[] pair = model.newLocalPair(target.endpoint(), target.context(), linkedid, cidNum, cidName);
            model.hangup(pair[1], 0, false);
            model.hangup(pair[0], 0, false);
        }
        done.accept(new Result("CHANUNAVAIL", null));
        return () -> { };
    }
}
