package org.crisisline.telephony.event;

import java.time.Instant;
import org.crisisline.telephony.bus.LocalMessage;

/**
 * Something that happened on a PBX, in Crisisline's own words: immutable records named in the past
 * tense, free of any asterisk-java type. The adapter publishes them on {@link #ADDRESS}, by reference
 * (see {@link LocalMessage}), so they stay on this node.
 *
 * <p>{@link #pbx()} is the configured name of the PBX the event came from; {@link #at()} is when the
 * adapter received it, from its injected clock (not Asterisk's timestamp). Call events carry a
 * {@code callKey}: Asterisk's Linkedid, shared by every leg of one call.
 */
public sealed interface TelephonyEvent extends LocalMessage
        permits CallArrived, CallerIdentified, DigitPressed, OperativeRinging, OperativeAnswered, DialFailed,
        CallBridged, CallEnded, OriginateResult, RedirectDone, PbxLinkChanged, ChannelVanished, ChannelDiscovered {
    /** The event-bus address every telephony event is published on. */
    String ADDRESS = "crisisline.telephony.events";

    String pbx();

    Instant at();
}
