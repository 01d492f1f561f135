package org.crisisline.telephony.sim;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AMI Originate on the simulated PBX, operative leg first as ami-originate-callback.txt and the
 * contract's {@code [crisisline-callback]} describe: ring the operative's endpoint; on answer emit
 * OriginateResponse Success (Reason 4, the real channel and Uniqueid), set the {@code Variable:}s,
 * then dial the number to call back as a Local channel in {@code sim-callee}, who answers, is busy
 * or does not answer. A failed first leg gives OriginateResponse Failure with the dial string as
 * sent and {@code Uniqueid: <unknown>}: Reason 5 busy, 3 no answer, 0 no such endpoint.
 *
 * <p>Not thread-safe: the model's thread only.
 */
final class CallbackOriginator {
    private static final Pattern LOCAL = Pattern.compile("Local/([^@/]+)@([^/]+)(/n)?");
    private static final Pattern PJSIP = Pattern.compile("PJSIP/([^/@]+)");
    private static final long CALLEE_RING_TIMEOUT_MILLIS = 30_000;

    private final PbxModel model;
    private final SimScheduler scheduler;
    private final EndpointDialer dialer;
    private final Population population;

    CallbackOriginator(PbxModel model, SimScheduler scheduler, EndpointDialer dialer, Population population) {
        this.model = model;
        this.scheduler = scheduler;
        this.dialer = dialer;
        this.population = population;
    }

    void originate(OriginateRequest request) {
        DialTarget target = target(request.channel());
        dialer.dial(null, target, null, request.callerIdNum(), request.callerIdName(), request.timeoutMillis(),
                result -> {
                    if (result.isAnswered()) {
                        answered(request, result.answered());
                    } else {
                        failed(request, switch (result.dialStatus()) {
                            case "BUSY" -> 5;
                            case "NOANSWER" -> 3;
                            default -> 0;
                        });
                    }
                });
    }

    private DialTarget target(String dialString) {
        Matcher local = LOCAL.matcher(dialString);
        if (local.matches()) {
            String exten = local.group(1);
            Pickup pickup = local.group(2).contains("callee") ? population.callee() : population.operative(exten);
            return DialTarget.local(exten, local.group(2), local.group(3) != null, pickup);
        }
        Matcher pjsip = PJSIP.matcher(dialString);
        if (pjsip.matches()) {
            return DialTarget.pjsip(pjsip.group(1), population.operative(pjsip.group(1)));
        }
        return DialTarget.pjsip(dialString, new Pickup.NoSuchEndpoint());
    }

    private void failed(OriginateRequest request, int reason) {
        model.emit(AmiEvents.originateResponse(request.actionId(), false, request.channel(), request.context(),
                request.exten(), reason, SimChannel.UNKNOWN, request.callerIdNum(), request.callerIdName()));
    }

    private void answered(OriginateRequest request, SimChannel operative) {
        model.emit(AmiEvents.originateResponse(request.actionId(), true, operative.name(), request.context(),
                request.exten(), 4, operative.uniqueid(), request.callerIdNum(), request.callerIdName()));
        for (Map.Entry<String, String> variable : request.variables().entrySet()) {
            model.setVariable(operative, variable.getKey(), variable.getValue());
        }
        String helpline = operative.variable("CRISISLINE_HELPLINE_NUMBER").orElse(request.callerIdNum());
        model.enter(operative, request.context(), request.exten(), request.priority(), "Dial",
                "Local/" + request.exten() + "@sim-callee/n");
        DialTarget callee = DialTarget.local(request.exten(), "sim-callee", true, population.callee());
        dialer.dial(operative, callee, operative.linkedid(), helpline, "Crisisline", CALLEE_RING_TIMEOUT_MILLIS,
                result -> {
                    if (result.isAnswered()) {
                        model.bridge(result.answered(), operative);
                        SimChannel far = result.answered().partner().orElse(result.answered());
                        scheduler.schedule(population.talkMillis(), () -> model.hangupLeg(far, 16));
                    } else {
                        model.setNoiseVariable(operative, "DIALSTATUS", result.dialStatus());
                        scheduler.schedule(2000, () -> model.hangupLeg(operative, 16));
                    }
                });
    }
}
