package org.crisisline.telephony.ami;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DtmfEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.crisisline.telephony.event.CallArrived;
import org.crisisline.telephony.event.CallBridged;
import org.crisisline.telephony.event.CallEnded;
import org.crisisline.telephony.event.CallerIdentified;
import org.crisisline.telephony.event.DialFailed;
import org.crisisline.telephony.event.DigitPressed;
import org.crisisline.telephony.event.OperativeAnswered;
import org.crisisline.telephony.event.OperativeRinging;
import org.crisisline.telephony.event.OriginateFailed;
import org.crisisline.telephony.event.OriginateSucceeded;
import org.crisisline.telephony.event.PhoneNumber;
import org.crisisline.telephony.event.TelephonyEvent;

/**
 * Copies one asterisk-java event into Crisisline's record, or nothing when the event does not matter
 * to Crisisline. Pure and stateless (which legs belong together is {@link CallLegs}' job), so it is
 * cheap enough for asterisk-java's event-pump thread and safe on any thread.
 */
final class AmiEventMapper {
    /** Newchannel's ChannelState for a channel that is ringing in: an inbound call (main/channel.c, AST_STATE_RING). */
    private static final int STATE_RING = 4;

    private final AmiOptions options;

    AmiEventMapper(AmiOptions options) {
        this.options = options;
    }

    /**
     * The record for an event, or empty when Crisisline does not read this kind of event or the
     * event lacks the channel or Uniqueid it must name (junk that asterisk-java still parsed).
     */
    Optional<TelephonyEvent> map(ManagerEvent event, Instant at) {
        return translate(event, at).filter(AmiEventMapper::namesItsChannel);
    }

    private static boolean namesItsChannel(TelephonyEvent event) {
        if (event instanceof CallArrived e) {
            return e.channel() != null && e.uniqueid() != null;
        } else if (event instanceof CallerIdentified e) {
            return e.channel() != null && e.uniqueid() != null;
        } else if (event instanceof DigitPressed e) {
            return e.channel() != null && e.uniqueid() != null && e.digit() != null;
        } else if (event instanceof OperativeRinging e) {
            return e.operativeChannel() != null && e.operativeUniqueid() != null;
        } else if (event instanceof OperativeAnswered e) {
            return e.operativeChannel() != null && e.operativeUniqueid() != null;
        } else if (event instanceof DialFailed e) {
            return e.uniqueid() != null;
        } else if (event instanceof CallBridged e) {
            return e.channel() != null && e.uniqueid() != null && e.bridgeId() != null;
        } else if (event instanceof CallEnded e) {
            return e.channel() != null && e.uniqueid() != null;
        }
        return true;
    }

    private Optional<TelephonyEvent> translate(ManagerEvent event, Instant at) {
        String pbx = options.pbx();
        if (event instanceof NewChannelEvent e) {
            return arrived(e, pbx, at);
        } else if (event instanceof NewCallerIdEvent e) {
            return PhoneNumber.fromAsterisk(e.getCallerIdNum()).map(number ->
                    new CallerIdentified(pbx, at, e.getLinkedId(), e.getChannel(), e.getUniqueId(), number));
        } else if (event instanceof DtmfEndEvent e) {
            return "Received".equalsIgnoreCase(e.getDirection())
                    ? Optional.of(new DigitPressed(pbx, at, e.getLinkedId(), e.getChannel(), e.getUniqueId(), e.getDigit()))
                    : Optional.empty();
        } else if (event instanceof AgentCalledEvent e) {
            return Optional.of(new OperativeRinging(pbx, at, e.getLinkedId(), e.getChannel(), e.getDestChannel(),
                    e.getDestUniqueId(), endpoint(e.getDestChannel())));
        } else if (event instanceof AgentConnectEvent e) {
            return Optional.of(new OperativeAnswered(pbx, at, e.getLinkedId(), e.getChannel(), e.getDestChannel(),
                    e.getDestUniqueId(), endpoint(e.getDestChannel())));
        } else if (event instanceof DialBeginEvent e) {
            return isOperative(e.getDestChannel())
                    ? Optional.of(new OperativeRinging(pbx, at, e.getLinkedId(), firstOf(e.getChannel(), e.getSrc()),
                            e.getDestChannel(),
                            e.getDestUniqueId(), endpoint(e.getDestChannel())))
                    : Optional.empty();
        } else if (event instanceof DialEndEvent e) {
            return dialEnded(e, pbx, at);
        } else if (event instanceof BridgeEnterEvent e) {
            return Optional.of(new CallBridged(pbx, at, e.getLinkedId(), e.getChannel(), e.getUniqueId(),
                    e.getBridgeUniqueId()));
        } else if (event instanceof HangupEvent e) {
            CallEnded.Leg leg = isOperative(e.getChannel()) ? CallEnded.Leg.OPERATIVE : CallEnded.Leg.OTHER;
            return Optional.of(new CallEnded(pbx, at, e.getLinkedId(), e.getChannel(), e.getUniqueId(), leg,
                    e.getCause() == null ? 0 : e.getCause(), e.getCauseTxt() == null ? "" : e.getCauseTxt()));
        } else if (event instanceof OriginateResponseEvent e) {
            return Optional.of(originated(e, pbx, at));
        }
        return Optional.empty();
    }

    private Optional<TelephonyEvent> arrived(NewChannelEvent e, String pbx, Instant at) {
        String line = options.lineOf(e.getContext());
        if (line == null || e.getChannelState() == null || e.getChannelState() != STATE_RING) {
            return Optional.empty();
        }
        return Optional.of(new CallArrived(pbx, at, e.getLinkedid(), e.getChannel(), e.getUniqueId(), line,
                e.getExten(), PhoneNumber.fromAsterisk(e.getCallerIdNum())));
    }

    private Optional<TelephonyEvent> dialEnded(DialEndEvent e, String pbx, Instant at) {
        String status = e.getDialStatus();
        if ("ANSWER".equalsIgnoreCase(status)) {
            return isOperative(e.getDestChannel())
                    ? Optional.of(new OperativeAnswered(pbx, at, e.getLinkedId(), firstOf(e.getChannel(), e.getSrc()),
                            e.getDestChannel(),
                            e.getDestUniqueId(), endpoint(e.getDestChannel())))
                    : Optional.empty();
        }
        String caller = firstOf(e.getChannel(), e.getSrc());
        if (caller == null) {
            // An Originate's own dial has no calling channel: its outcome is the OriginateResponse.
            return Optional.empty();
        }
        // asterisk-java fills either the Asterisk 12+ names (Channel, Uniqueid) or the old ones (Src...).
        return Optional.of(new DialFailed(pbx, at, e.getLinkedId(), caller,
                firstOf(e.getUniqueId(), e.getSrcUniqueId()), e.getDestChannel(), status == null ? "" : status));
    }

    private static TelephonyEvent originated(OriginateResponseEvent e, String pbx, Instant at) {
        String requestId = e.getActionId() == null ? "" : e.getActionId();
        if ("Success".equalsIgnoreCase(e.getResponse())) {
            return new OriginateSucceeded(pbx, at, requestId, e.getChannel(), e.getUniqueId());
        }
        int code = e.getReason() == null ? -1 : e.getReason();
        return new OriginateFailed(pbx, at, requestId, e.getChannel(), OriginateFailed.Reason.of(code), code);
    }

    private static String firstOf(String value, String fallback) {
        return value != null ? value : fallback;
    }

    boolean isOperative(String channel) {
        return channel != null && options.operativeChannel().matcher(channel).matches();
    }

    private String endpoint(String channel) {
        if (channel == null) {
            return "";
        }
        Matcher matcher = options.operativeChannel().matcher(channel);
        return matcher.matches() && matcher.groupCount() >= 1 && matcher.group(1) != null ? matcher.group(1) : channel;
    }
}
