package org.crisisline.server.routing;

import java.time.Duration;
import java.util.List;
import org.crisisline.queue.callback.CallbackSlot;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.policy.CallbackOfferRule;
import org.crisisline.telephony.agi.CallerRegistered;
import org.crisisline.telephony.agi.IvrQueue;

/** Builds the IVR's replies from the queue's answers. Pure. */
public final class IvrReplies {
    /** The IVR reads out at most this many slots. */
    static final int SLOTS_OFFERED = 3;

    private IvrReplies() {
    }

    /**
     * The reply to {@code CallerArrived}: the call id, whether the queue offers a callback (its rule's
     * decision), the estimated wait (the offer's, else {@code estimate}) and the slots with room left.
     */
    public static CallerRegistered registered(CallId call, CallbackOfferRule.Decision offer, Duration estimate,
                                              List<CallbackSlot> slots) {
        if (offer instanceof CallbackOfferRule.Offer yes) {
            List<org.crisisline.telephony.agi.CallbackSlot> open = slots.stream()
                    .filter(slot -> slot.spare() > 0)
                    .limit(SLOTS_OFFERED)
                    .map(slot -> new org.crisisline.telephony.agi.CallbackSlot(slot.start().toString(), slot.start(),
                            slot.end()))
                    .toList();
            return new CallerRegistered(call.value(), true, yes.estimatedWait(), open);
        }
        return CallerRegistered.noOffer(call.value(), estimate);
    }

    /** The failure code for a refused booking: the slot is gone (409) or the call is unknown (404). */
    public static int bookingFailureCode(Outcome.Rejection reason) {
        return switch (reason) {
            case UNKNOWN_CALL, CALL_ENDED -> IvrQueue.UNKNOWN_CALL;
            default -> IvrQueue.SLOT_TAKEN;
        };
    }
}
