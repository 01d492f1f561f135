package org.crisisline.server.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Tier;
import org.crisisline.telephony.Dialplan;
import org.crisisline.telephony.OriginateRequest;
import org.crisisline.telephony.agi.BookCallback;
import org.crisisline.telephony.agi.CallbackChoice;
import org.crisisline.telephony.agi.CallerArrived;
import org.crisisline.telephony.agi.CallerLeft;
import org.crisisline.telephony.event.CallArrived;
import org.crisisline.telephony.event.CallBridged;
import org.crisisline.telephony.event.CallEnded;
import org.crisisline.telephony.event.ChannelVanished;
import org.crisisline.telephony.event.DialFailed;
import org.crisisline.telephony.event.OperativeAnswered;
import org.crisisline.telephony.event.OperativeRinging;
import org.crisisline.telephony.event.OriginateResult;
import org.crisisline.telephony.event.OriginateSucceeded;
import org.crisisline.telephony.event.TelephonyEvent;

/**
 * The routing loop's decisions, free of I/O: it turns what the IVR and the PBX report into queue
 * commands, and what the queue decided into PBX actions, keeping the correlation between PBX channels
 * and queue calls, and between operatives and their endpoints.
 *
 * <ul>
 *   <li>A caller registered by the IVR is enqueued under a keyed-hash pseudonym; the raw number is
 *       kept (by the verticle, in {@code callback/CallbackNumbers}, shared by the nodes) only when the
 *       caller books a callback, and only until that call is over: the router says when to forget it.</li>
 *   <li>An operative assigned to a live caller is rung (Redirect); to an agent-first call, once the
 *       verticle has fetched the kept number, the operative is called first, then that number
 *       (Originate).</li>
 *   <li>An answer marks the call connected; a failed dial, a failed originate or a failed PBX action
 *       puts the caller back in their place (offer not answered); a called-back person who does not
 *       answer is reported unreachable (the queue retries or escalates).</li>
 *   <li>The end of the caller's leg (or of the operative's, once talking) ends the call.</li>
 * </ul>
 * Everything is idempotent the way the queue's commands are: a repeated event yields commands that
 * change nothing; an event about a channel it does not know yields nothing.
 *
 * <p>Threading: not thread-safe; one owner (the routing verticle's context). Time comes from the
 * injected clock.
 */
public final class CallRouter {
    private final RoutingOptions options;
    private final CallerPseudonyms pseudonyms;
    private final Clock clock;
    private final ChannelDirectory channels = new ChannelDirectory();
    /** Agent-first calls whose operative leg is up and whose callee is being dialled, with that operative. */
    private final Map<CallId, OperativeId> callbacksDialling = new HashMap<>();
    /** Agent-first calls where operative and callee are talking. */
    private final Set<CallId> callbacksTalking = new HashSet<>();

    public CallRouter(RoutingOptions options, CallerPseudonyms pseudonyms, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The queue's id for the caller on an IVR channel: the channel's Uniqueid, unique per PBX. */
    public static CallId callIdOf(String uniqueid) {
        return CallId.of(uniqueid);
    }

    /** The IVR registered a caller: enqueue them, pseudonymised, in the tier the IVR gave. */
    public QueueCommand.Enqueue callerArrived(CallerArrived arrived) {
        CallId id = callIdOf(arrived.uniqueId());
        Tier tier = Tier.valueOf(arrived.tier().name());
        Line line = options.lineOf(arrived.line());
        CallSource source = line == Line.PROFESSIONALS ? CallSource.OTHER : CallSource.SELF;
        Language language = arrived.language().isBlank() ? Language.ENGLISH : Language.of(arrived.language());
        channels.callerRegistered(id, arrived.channel(), arrived.uniqueId());
        return new QueueCommand.Enqueue(Call.live(id, pseudonyms.of(arrived.callerNumber(), arrived.uniqueId()),
                line, source, tier, language, false, clock.instant()));
    }

    /** Whether the caller answered the risk question "not in immediate danger" (tier 2's callback gate). */
    public static boolean riskQuestionPassed(CallerArrived arrived) {
        return !arrived.dangerNow() && arrived.tier().mayBeOfferedCallback();
    }

    /**
     * The caller chose a callback: keep their place or book a slot. The verticle keeps the number
     * before it runs the command (the callback may be due at once), and forgets it if refused.
     */
    public QueueCommand callbackChosen(BookCallback booking) {
        CallId id = CallId.of(booking.callId());
        if (booking.choice() instanceof CallbackChoice.Slot slot) {
            return new QueueCommand.BookSlot(id, slot.slot().start());
        }
        return new QueueCommand.AcceptVirtualHold(id);
    }

    /** The id the IVR tells the caller their callback is booked under. */
    public static String callbackIdOf(CallId call) {
        return "cb-" + call.value();
    }

    /**
     * The caller left the IVR (hung up, or sent to Asterisk's own queue): end their call. Not while
     * the call is being rung to an operative: a Redirect ends the AGI script as a hang-up would, and
     * a caller who really hung up is reported by the AMI's hang-up of their channel anyway. For the
     * same reason a "hang-up" of a caller whose channel is still up here is left to the AMI: the
     * Redirect may be another node's, which rings the caller (several nodes share a PBX).
     */
    public RoutingDecision callerLeft(CallerLeft left) {
        Optional<CallId> id = left.callIdIfKnown().map(CallId::of)
                .or(() -> channels.find(null, left.uniqueId(), null));
        boolean pbxWillTell = left.reason() == CallerLeft.Reason.HUNG_UP
                && id.flatMap(channels::callerChannel).isPresent();
        return id.filter(call -> channels.offeredTo(call).isEmpty() && !pbxWillTell)
                .map(call -> RoutingDecision.command(new QueueCommand.EndCall(call)))
                .orElse(RoutingDecision.NOTHING);
    }

    /** An event from the PBX. */
    public RoutingDecision telephonyEvent(TelephonyEvent event) {
        if (event instanceof CallArrived arrived) {
            channels.channelArrived(arrived.channel(), arrived.uniqueid(), arrived.callKey());
        } else if (event instanceof OperativeRinging ringing) {
            channels.find(ringing.callerChannel(), null, ringing.callKey())
                    .ifPresent(call -> channels.learnCallKey(call, ringing.callKey()));
        } else if (event instanceof OperativeAnswered answered) {
            return channels.find(answered.callerChannel(), null, answered.callKey())
                    .map(this::operativeAnswered).orElse(RoutingDecision.NOTHING);
        } else if (event instanceof DialFailed failed) {
            return channels.find(failed.channel(), failed.uniqueid(), failed.callKey())
                    .map(call -> dialFailed(call, failed)).orElse(RoutingDecision.NOTHING);
        } else if (event instanceof CallBridged bridged) {
            return channels.find(bridged.channel(), bridged.uniqueid(), bridged.callKey())
                    .filter(call -> callbacksDialling.containsKey(call) || callbacksTalking.contains(call))
                    .map(this::calleeAnswered)
                    .orElse(RoutingDecision.NOTHING);
        } else if (event instanceof CallEnded ended) {
            return channelEnded(ended.channel(), ended.uniqueid(), ended.callKey(), ended.leg());
        } else if (event instanceof ChannelVanished vanished) {
            return channelEnded(vanished.channel(), vanished.uniqueid(), vanished.callKey(), CallEnded.Leg.OTHER);
        }
        return RoutingDecision.NOTHING;
    }

    private RoutingDecision operativeAnswered(CallId call) {
        channels.offerEnded(call);
        return RoutingDecision.command(new QueueCommand.MarkConnected(call));
    }

    private RoutingDecision calleeAnswered(CallId call) {
        callbacksDialling.remove(call);
        callbacksTalking.add(call);
        return RoutingDecision.command(new QueueCommand.MarkConnected(call));
    }

    private RoutingDecision dialFailed(CallId call, DialFailed failed) {
        OperativeId dialling = callbacksDialling.get(call);
        if (dialling != null && !channels.isCallerChannel(call, failed.channel())) {
            callbacksDialling.remove(call);
            if ("CANCEL".equalsIgnoreCase(failed.dialStatus())) {
                // The operative hung up before the person answered: not the person's failure.
                return RoutingDecision.command(new QueueCommand.MarkOfferNotAnswered(call, dialling));
            }
            // The operative's leg dialled the person being called back, who did not answer.
            return RoutingDecision.command(new QueueCommand.MarkCallerUnreachable(call,
                    "callee " + failed.dialStatus().toLowerCase()));
        }
        return channels.offerEnded(call)
                .map(operative -> RoutingDecision.command(new QueueCommand.MarkOfferNotAnswered(call, operative)))
                .orElse(RoutingDecision.NOTHING);
    }

    private RoutingDecision channelEnded(String channel, String uniqueid, String callKey, CallEnded.Leg leg) {
        // Only a call's own channels end it; another leg on the same Linkedid (a called-back person's
        // Local half, say) ends nothing, except a leg the adapter knows to be the caller's.
        Optional<CallId> found = channels.find(channel, uniqueid, null);
        if (found.isEmpty() && leg == CallEnded.Leg.CALLER) {
            found = channels.find(null, null, callKey);
        }
        if (found.isEmpty() && leg == CallEnded.Leg.CALLER && channels.arrived(uniqueid)) {
            // A caller another node's IVR registered: every node that saw them arrive ends the call
            // (idempotent), so the next caller goes to whichever node's command frees the operative.
            found = Optional.of(callIdOf(uniqueid));
        }
        boolean callerLeg = leg == CallEnded.Leg.CALLER
                || found.map(call -> channels.isCallerChannel(call, channel)).orElse(false);
        channels.channelEnded(channel, uniqueid);
        if (found.isEmpty()) {
            return RoutingDecision.NOTHING;
        }
        CallId call = found.get();
        if (!callerLeg && channels.offeredTo(call).isPresent()) {
            // An operative's leg that ended while still ringing: the failed dial says so.
            return RoutingDecision.NOTHING;
        }
        OperativeId dialling = callbacksDialling.remove(call);
        if (!callerLeg && dialling != null) {
            // The operative's leg of a callback ended before the person answered: offer it again.
            return RoutingDecision.command(new QueueCommand.MarkOfferNotAnswered(call, dialling));
        }
        return RoutingDecision.command(new QueueCommand.EndCall(call));
    }

    /** What the queue decided: ring, call back, forget. */
    public RoutingDecision queueEvents(List<QueueEvent> events) {
        List<QueueCommand> commands = new ArrayList<>();
        List<PbxAction> actions = new ArrayList<>();
        List<RoutingDecision.Deferred> later = new ArrayList<>();
        List<RoutingDecision.CallbackDue> callbacksDue = new ArrayList<>();
        List<CallId> numbersToForget = new ArrayList<>();
        for (QueueEvent event : events) {
            if (event instanceof QueueEvent.OperativeAssigned assigned) {
                assigned(assigned, commands, actions, callbacksDue);
            } else if (event instanceof QueueEvent.CallConnected connected) {
                channels.offerEnded(connected.call());
            } else if (event instanceof QueueEvent.OfferNotAnswered missed) {
                channels.offerEnded(missed.call());
                callbacksDialling.remove(missed.call());
                options.readyAgainAfter().ifPresent(after -> later.add(
                        new RoutingDecision.Deferred(new QueueCommand.MarkReady(missed.operative()), after)));
            } else if (event instanceof QueueEvent.CallbackAttemptFailed failed) {
                channels.offerEnded(failed.call());
                callbacksDialling.remove(failed.call());
            } else if (QueueEvent.callEndedBy(event).isPresent()) {
                CallId ended = QueueEvent.callEndedBy(event).get();
                forget(ended);
                numbersToForget.add(ended);
            }
        }
        return new RoutingDecision(commands, actions, later, callbacksDue, numbersToForget);
    }

    private void assigned(QueueEvent.OperativeAssigned assigned, List<QueueCommand> commands,
                          List<PbxAction> actions, List<RoutingDecision.CallbackDue> callbacksDue) {
        CallId call = assigned.call();
        OperativeId operative = assigned.operative();
        String endpoint = options.endpoints().get(operative);
        if (endpoint == null) {
            // Nobody can ring an operative without an endpoint: give the caller back to the queue.
            commands.add(new QueueCommand.MarkOfferNotAnswered(call, operative));
            return;
        }
        channels.offered(call, operative);
        if (assigned.kind() == CallKind.LIVE) {
            Optional<String> callerChannel = channels.callerChannel(call).or(() -> channels.adopt(call));
            if (callerChannel.isPresent()) {
                actions.add(new PbxAction.ConnectToOperative(call, operative, callerChannel.get(), endpoint));
            } else {
                // The caller's channel is gone (or on another node): nothing to ring them to.
                channels.offerEnded(call);
                commands.add(new QueueCommand.MarkOfferNotAnswered(call, operative));
            }
            return;
        }
        callbacksDue.add(new RoutingDecision.CallbackDue(call, operative));
    }

    /**
     * The kept number of a callback that was due, as the verticle found it: dial the operative, then
     * the number; with no number kept (never, or expired), the person cannot be reached.
     */
    public RoutingDecision callbackNumberFound(RoutingDecision.CallbackDue due, Optional<String> number) {
        CallId call = due.call();
        String endpoint = options.endpoints().get(due.operative());
        if (number.isEmpty() || endpoint == null) {
            channels.offerEnded(call);
            return RoutingDecision.command(new QueueCommand.MarkCallerUnreachable(call, "no callback number kept"));
        }
        return new RoutingDecision(List.of(), List.of(new PbxAction.OriginateCallback(call, due.operative(),
                OriginateRequest.agentFirstCallback("PJSIP/" + endpoint, number.get(), options.helplineNumber(),
                        call.value(), callbackIdOf(call)))), List.of());
    }

    /** The kept numbers could not be read (their store failed): the call goes back to the queue. */
    public RoutingDecision callbackNumberUnavailable(RoutingDecision.CallbackDue due) {
        return offerFailed(due.call(), due.operative());
    }

    /** How an agent-first call's Originate ended (the operative's leg). */
    public RoutingDecision originateEnded(CallId call, OperativeId operative, OriginateResult result) {
        if (result instanceof OriginateSucceeded succeeded) {
            // The operative answered: now the person is dialled; the bridge or a failed dial will tell.
            channels.offerEnded(call);
            channels.operativeLegUp(call, succeeded.channel(), succeeded.uniqueid());
            callbacksDialling.put(call, operative);
            return RoutingDecision.NOTHING;
        }
        channels.offerEnded(call);
        return RoutingDecision.command(new QueueCommand.MarkOfferNotAnswered(call, operative));
    }

    /**
     * A PBX action failed (timeout, rejected, link down). A caller must never be lost: a failed ring
     * or callback gives the call back to the queue, which offers it again; a failed announcement is
     * only logged.
     */
    public RoutingDecision actionFailed(PbxAction action) {
        if (action instanceof PbxAction.ConnectToOperative connect) {
            return offerFailed(connect.call(), connect.operative());
        } else if (action instanceof PbxAction.OriginateCallback originate) {
            return offerFailed(originate.call(), originate.operative());
        }
        return RoutingDecision.NOTHING;
    }

    private RoutingDecision offerFailed(CallId call, OperativeId operative) {
        channels.offerEnded(call);
        // The queue sets the operative not ready; the PBX failed, not them: ready again after a pause
        // (not at once, or a link that is down would be retried in a tight loop).
        return new RoutingDecision(List.of(new QueueCommand.MarkOfferNotAnswered(call, operative)), List.of(),
                List.of(new RoutingDecision.Deferred(new QueueCommand.MarkReady(operative), options.pbxRetryAfter())));
    }

    /**
     * Position and wait announcements for the live callers waiting now whose channel this node knows, in
     * serving order: position 1 is next. Callers being rung are skipped. With several nodes, which of them
     * announces to whom is decided by the verticle ({@code AnnouncerLeases}), so nobody hears it twice.
     */
    public List<PbxAction> announcements(QueueSnapshot snapshot) {
        List<PbxAction> actions = new ArrayList<>();
        int position = 0;
        for (Call call : snapshot.waiting()) {
            if (call.kind() != CallKind.LIVE) {
                continue;
            }
            position++;
            Optional<String> channel = channels.reachableChannel(call.id());
            if (channel.isEmpty() || channels.offeredTo(call.id()).isPresent()) {
                continue;
            }
            Duration wait = snapshot.estimatedWaitByTier().getOrDefault(call.tier(), Duration.ZERO);
            int minutes = (int) Math.max(1, (wait.toSeconds() + 59) / 60);
            actions.add(new PbxAction.Announce(call.id(), channel.get(), position, minutes));
        }
        return actions;
    }

    /**
     * An operative asked to escalate or transfer a caller: redirect the caller's channel (known from the
     * IVR's registration, or adopted from the AMI's record of its arrival) with the handover context set
     * on it, or refuse when the channel is not known here or a transfer's number is not configured.
     * Changes nothing but the channel filing {@code adopt} does: a refused request leaves no trace.
     */
    public HandoverDecision handover(HandoverRequest request) {
        CallId call = request.call();
        Optional<String> channel = channels.callerChannel(call).or(() -> channels.adopt(call));
        if (channel.isEmpty()) {
            return new HandoverDecision.Refused(Handovers.CHANNEL_UNKNOWN,
                    "The caller's line on call " + call + " is not known here: they may have hung up.");
        }
        Map<String, String> variables = new LinkedHashMap<>(request.context().variables());
        if (request instanceof HandoverRequest.Escalate escalate) {
            variables.put(Dialplan.EMERGENCY_SERVICE, escalate.service().word());
            return new HandoverDecision.Redirect(channel.get(), variables, Dialplan.EMERGENCY_CONTEXT, null);
        }
        HandoverRequest.TransferTarget target = ((HandoverRequest.Transfer) request).target();
        if (target instanceof HandoverRequest.TransferTarget.Configured && !options.isTransferNumber(target.number())) {
            return new HandoverDecision.Refused(Handovers.NUMBER_NOT_CONFIGURED,
                    "Transfers go only to a CMHT duty line or a number in the configured list.");
        }
        return new HandoverDecision.Redirect(channel.get(), variables, Dialplan.TRANSFER_CONTEXT,
                target.number().replace(" ", ""));
    }

    /**
     * Squares the queue with the PBX when this node starts (a node that was down, or never up, missed
     * the hang-ups meanwhile). {@code before} is the queue as it was before the PBX was asked, so each
     * live caller in it was on a channel older than the answer: one whose channel the PBX no longer has
     * hung up unseen, and their call ends; one still on the line is filed so this node can ring them.
     * Virtual-hold callers, callbacks and check-ins have no channel until they are dialled.
     *
     * @param liveChannels every channel the PBX has: channel name by Uniqueid
     */
    public RoutingDecision reconcile(QueueSnapshot before, Map<String, String> liveChannels) {
        List<QueueCommand> ended = new ArrayList<>();
        for (List<Call> calls : List.of(before.waiting(), before.otherOpen())) {
            for (Call call : calls) {
                if (call.kind() != CallKind.LIVE || call.state() == CallState.SCHEDULED) {
                    continue;
                }
                String channel = liveChannels.get(call.id().value());
                if (channel != null) {
                    channels.channelListed(channel, call.id().value());
                } else if (channels.callerChannel(call.id()).isEmpty() && !channels.arrived(call.id().value())) {
                    ended.add(new QueueCommand.EndCall(call.id()));
                }
            }
        }
        return new RoutingDecision(ended, List.of(), List.of());
    }

    /** The live callers this router can reach now. */
    public int liveCallers() {
        return channels.liveCallers();
    }

    private void forget(CallId call) {
        channels.forget(call);
        callbacksDialling.remove(call);
        callbacksTalking.remove(call);
    }

    /** Whether {@code loggedOn}, the outcome of a {@code LogOn}, brought {@code operative} on shift (from offline). */
    public static boolean cameOnShift(Outcome loggedOn, OperativeId operative) {
        return loggedOn.events().stream().anyMatch(event -> event instanceof QueueEvent.OperativeStateChanged changed
                && changed.operative().equals(operative) && changed.from() == OperativeState.OFFLINE);
    }
}
