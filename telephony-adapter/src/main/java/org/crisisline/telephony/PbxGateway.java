package org.crisisline.telephony;

import io.vertx.core.Future;
import java.util.Map;
import org.crisisline.telephony.event.OriginateResult;
import org.crisisline.telephony.event.RedirectDone;

/**
 * What Crisisline tells a PBX to do (the dialplan contract, {@code telephony-adapter/asterisk/README.md}).
 *
 * <p>Every method may be called from any thread and never blocks; its future completes on the
 * caller's context, within the command's own timeout. A failure is a {@link TelephonyException}:
 * {@code TIMEOUT}, {@code REJECTED} (with Asterisk's message) or {@code LINK_DOWN}.
 */
public interface PbxGateway {
    /** Moves a channel to {@code context,exten,1} (Redirect). */
    Future<RedirectDone> redirect(String channel, String context, String exten);

    /** Connects a waiting caller to an operative's endpoint: a Redirect into {@code crisisline-connect}. */
    default Future<RedirectDone> connectToOperative(String callerChannel, String operativeEndpoint) {
        return redirect(callerChannel, Dialplan.CONNECT_CONTEXT, operativeEndpoint);
    }

    /**
     * Places a call (Originate, {@code Async: true}). The future completes once Asterisk reports how
     * it ended (the OriginateResponse event): {@code OriginateSucceeded} when the first leg answered,
     * {@code OriginateFailed} with the reason otherwise. It fails if Asterisk rejects the request or
     * nothing is heard within the originate timeout.
     */
    Future<OriginateResult> originate(OriginateRequest request);

    /** Hangs a channel up with a Q.850 cause (16: normal clearing). */
    Future<Void> hangup(String channel, int cause);

    /** Sets a variable on one channel (Setvar with Channel). */
    Future<Void> setChannelVariable(String channel, String name, String value);

    /** Sets a global dialplan variable (Setvar without Channel). */
    Future<Void> setGlobalVariable(String name, String value);

    /**
     * Every channel the PBX has now ({@code CoreShowChannels}): channel name by Uniqueid. A caller's
     * call id is their channel's Uniqueid, so a node starting up can tell which queued callers are still
     * on the line.
     */
    Future<Map<String, String>> liveChannels();

    /**
     * Tells a waiting caller their place and wait: Setvar {@code CRISISLINE_POSITION} and
     * {@code CRISISLINE_WAIT_MINUTES}, then Redirect to {@code crisisline-announce,s,1}.
     */
    default Future<RedirectDone> announce(String callerChannel, int position, int waitMinutes) {
        return setChannelVariable(callerChannel, Dialplan.POSITION, Integer.toString(position))
                .compose(v -> setChannelVariable(callerChannel, Dialplan.WAIT_MINUTES, Integer.toString(waitMinutes)))
                .compose(v -> redirect(callerChannel, Dialplan.ANNOUNCE_CONTEXT, "s"));
    }

    /** Sends a caller in immediate danger to the emergency route: Redirect to {@code crisisline-emergency,s,1}. */
    default Future<RedirectDone> toEmergency(String callerChannel) {
        return redirect(callerChannel, Dialplan.EMERGENCY_CONTEXT, "s");
    }

    /** A warm transfer or duty-line handover: Setvar {@code CRISISLINE_TRANSFER_TO}, then Redirect to {@code crisisline-transfer,s,1}. */
    default Future<RedirectDone> transfer(String callerChannel, String number) {
        return setChannelVariable(callerChannel, Dialplan.TRANSFER_TO, number)
                .compose(v -> redirect(callerChannel, Dialplan.TRANSFER_CONTEXT, "s"));
    }
}
