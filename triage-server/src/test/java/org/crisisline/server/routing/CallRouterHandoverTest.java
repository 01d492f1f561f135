package org.crisisline.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.audit.CallerPseudonym;
import org.crisisline.server.routing.HandoverRequest.TransferTarget;
import org.crisisline.telephony.agi.CallerArrived;
import org.crisisline.telephony.agi.IvrTier;
import org.crisisline.telephony.event.CallArrived;
import org.crisisline.telephony.event.CallEnded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the call router's handovers (escalation and warm transfer)")
class CallRouterHandoverTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final String CHANNEL = "Local/crisis@crisisline-inbound-0001;2";
    private static final String UNIQUEID = "1764496800.7";
    private static final CallId CALL = CallId.of(UNIQUEID);
    private static final OperativeId OP1 = OperativeId.of("op1");
    private static final HandoverContext CONTEXT = new HandoverContext(Tier.IMMEDIATE_RISK, "plan and means tonight",
            Optional.of("Lives alone, agreed to the transfer"), new CallerRef("c_abc123"));

    private final RoutingOptions options = new RoutingOptions(RoutingOptions.standardLines(),
            Map.of(OP1, Skills.trained()), Map.of(OP1, "op1"), "08001234567", Duration.ofMinutes(2),
            Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(2), 1.0)
            .withTransferNumbers(Map.of("Out-of-hours crisis team", "+441130000300"));
    private final CallRouter router = new CallRouter(options, new CallerPseudonyms(CallerPseudonym.withKey(
            Arrays.copyOf("key-one-0123456789".getBytes(StandardCharsets.UTF_8), 32))), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    @DisplayName("an escalation redirects the caller's channel to the emergency route, the context and the service set first")
    void escalationRedirectsToTheEmergencyRoute() {
        registered();

        HandoverDecision decision = router.handover(new HandoverRequest.Escalate(CALL, EmergencyService.AMBULANCE,
                CONTEXT));

        assertThat(decision).isInstanceOf(HandoverDecision.Redirect.class);
        HandoverDecision.Redirect redirect = (HandoverDecision.Redirect) decision;
        assertThat(redirect.callerChannel()).isEqualTo(CHANNEL);
        assertThat(redirect.context()).isEqualTo("crisisline-emergency");
        assertThat(redirect.transferTo()).isNull();
        assertThat(redirect.variables()).containsExactly(
                Map.entry("CRISISLINE_TIER", "1"),
                Map.entry("CRISISLINE_CALLER", "c_abc123"),
                Map.entry("CRISISLINE_TRANSFER_REASON", "plan and means tonight"),
                Map.entry("CRISISLINE_TRANSFER_CONTEXT", "Lives alone agreed to the transfer"),
                Map.entry("CRISISLINE_EMERGENCY_SERVICE", "ambulance"));
    }

    @Test
    @DisplayName("a transfer to an open duty line, or to a configured number, redirects to the transfer context with the number")
    void transferRedirectsWithTheNumber() {
        registered();

        HandoverDecision toTeam = router.handover(new HandoverRequest.Transfer(CALL,
                new TransferTarget.DutyLine("leeds-west", "+441130000100"), CONTEXT));
        HandoverDecision toNumber = router.handover(new HandoverRequest.Transfer(CALL,
                new TransferTarget.Configured("+44 1130000300"), CONTEXT));

        assertThat(toTeam).isEqualTo(new HandoverDecision.Redirect(CHANNEL, CONTEXT.variables(), "crisisline-transfer",
                "+441130000100"));
        assertThat(toNumber).isEqualTo(new HandoverDecision.Redirect(CHANNEL, CONTEXT.variables(),
                "crisisline-transfer", "+441130000300"));
    }

    @Test
    @DisplayName("a number outside routing.transfer-numbers is refused, whatever the operative typed")
    void unconfiguredNumberIsRefused() {
        registered();

        HandoverDecision decision = router.handover(new HandoverRequest.Transfer(CALL,
                new TransferTarget.Configured("+447700900123"), CONTEXT));

        assertThat(decision).isInstanceOf(HandoverDecision.Refused.class);
        assertThat(((HandoverDecision.Refused) decision).code()).isEqualTo(Handovers.NUMBER_NOT_CONFIGURED);
    }

    @Test
    @DisplayName("a caller whose channel is gone (or never known here) cannot be moved")
    void unknownChannelIsRefused() {
        HandoverRequest escalate = new HandoverRequest.Escalate(CALL, EmergencyService.ANY, CONTEXT);
        assertThat(router.handover(escalate)).isEqualTo(new HandoverDecision.Refused(Handovers.CHANNEL_UNKNOWN,
                "The caller's line on call " + CALL + " is not known here: they may have hung up."));

        registered();
        router.telephonyEvent(new CallEnded("sim", NOW, "1764496800.6", CHANNEL, UNIQUEID, CallEnded.Leg.CALLER, 16,
                "Normal Clearing"));

        assertThat(router.handover(escalate)).isInstanceOf(HandoverDecision.Refused.class);
    }

    @Test
    @DisplayName("a caller registered by another node's IVR is found from the AMI's record of their arrival")
    void callerOfAnotherNodeIsAdopted() {
        router.telephonyEvent(new CallArrived("sim", NOW, UNIQUEID, CHANNEL, UNIQUEID, "crisis", "08001234567",
                Optional.empty()));

        HandoverDecision decision = router.handover(new HandoverRequest.Escalate(CALL, EmergencyService.POLICE, CONTEXT));

        assertThat(decision).isInstanceOf(HandoverDecision.Redirect.class);
        assertThat(((HandoverDecision.Redirect) decision).callerChannel()).isEqualTo(CHANNEL);
    }

    @Test
    @DisplayName("free text goes to the PBX as one safe line: no line breaks, no dialplan expressions, at most 200 characters")
    void freeTextIsMadeSafe() {
        assertThat(HandoverContext.safe("line one\r\nAction: Hangup")).isEqualTo("line one Action: Hangup");
        assertThat(HandoverContext.safe("${SHELL(rm -rf)} $[1+1]; a,b|c \"q\"")).isEqualTo("SHELL(rm -rf) 1+1 a b c q");
        assertThat(HandoverContext.safe("x".repeat(300))).hasSize(HandoverContext.MAX_VALUE);
        assertThat(EmergencyService.of(" Fire ")).contains(EmergencyService.FIRE);
        assertThat(EmergencyService.of("999")).contains(EmergencyService.ANY);
        assertThat(EmergencyService.of("coastguard")).isEmpty();
    }

    private void registered() {
        router.callerArrived(new CallerArrived(UNIQUEID, CHANNEL, "crisis", "07700900123", "en", IvrTier.IMMEDIATE_RISK,
                true, NOW));
    }
}
