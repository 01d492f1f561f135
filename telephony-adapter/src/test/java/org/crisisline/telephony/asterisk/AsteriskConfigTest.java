package org.crisisline.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * No Asterisk runs in CI, so the shipped configuration is checked against itself and against the
 * contract (asterisk/README.md): every jump lands somewhere, every context Crisisline redirects to
 * exists, the fallback queue exists and has members who are real endpoints.
 */
@DisplayName("the shipped Asterisk configuration")
class AsteriskConfigTest {
    private static final Pattern GOTO = Pattern.compile("Goto\\(([^)]*)\\)");
    private static final Pattern GOTO_IF = Pattern.compile("GotoIf\\(.*\\?([^:)]+)(?::([^)]+))?\\)");
    private static final Pattern QUEUE = Pattern.compile("Queue\\(([^,)]+)");

    private final AsteriskConf extensions = AsteriskConf.load("extensions.conf");

    @Test
    @DisplayName("has every context the contract names")
    void everyContractContextExists() {
        assertThat(extensions.sections()).containsKeys("crisisline-inbound", "crisisline-ivr", "crisisline-hold",
                "crisisline-connect", "crisisline-announce", "crisisline-callback", "crisisline-transfer",
                "crisisline-emergency", "crisisline-fallback");
    }

    @Test
    @DisplayName("sends every jump to a context, extension and label that exist")
    void everyJumpLands() {
        List<String> broken = new ArrayList<>();
        extensions.sections().forEach((context, entries) -> {
            for (AsteriskConf.Entry entry : entries) {
                for (String target : jumpTargets(entry.value())) {
                    if (!lands(context, entries, target)) {
                        broken.add("[" + context + "] " + entry.value() + " -> " + target);
                    }
                }
            }
        });
        assertThat(broken).isEmpty();
    }

    @Test
    @DisplayName("falls back from the IVR to Asterisk's own queue when the AGI fails or the route is unknown")
    void ivrFallsBackToTheQueue() {
        String ivr = String.join("\n", extensions.values("crisisline-ivr", "same"));
        assertThat(ivr).contains("\"${AGISTATUS}\" != \"SUCCESS\"]?crisisline-fallback,s,1");
        List<String> steps = extensions.values("crisisline-ivr", "same");
        assertThat(steps.get(steps.size() - 2)).isEqualTo("n,Goto(crisisline-fallback,s,1)");
        assertThat(String.join("\n", extensions.values("crisisline-hold", "same")))
                .contains("CRISISLINE_HEARTBEAT").contains("crisisline-fallback,s,1");
    }

    @Test
    @DisplayName("queues callers only into queues.conf's queues, whose members are pjsip endpoints")
    void fallbackQueueIsStaffedByRealEndpoints() {
        AsteriskConf queues = AsteriskConf.load("queues.conf");
        AsteriskConf pjsip = AsteriskConf.load("pjsip.conf");
        extensions.sections().values().stream().flatMap(List::stream).forEach(entry -> {
            Matcher queue = QUEUE.matcher(entry.value());
            if (queue.find()) {
                assertThat(queues.sections()).containsKey(queue.group(1));
            }
        });
        List<String> members = queues.values("crisisline-fallback", "member");
        assertThat(members).isNotEmpty();
        for (String member : members) {
            // "[op1](operative)", "[op1](operative-auth)", "[op1](operative-aor)": the types come from templates.
            assertThat(pjsip.sections()).containsKey(member.substring("PJSIP/".length()));
        }
        assertThat(queues.values("crisisline-fallback", "autofill")).containsExactly("no");
    }

    @Test
    @DisplayName("gives Crisisline's AMI user only the classes it needs")
    void amiUserIsLeastPrivilege() {
        AsteriskConf manager = AsteriskConf.load("manager.conf");
        assertThat(manager.values("crisisline", "write")).containsExactly("call,originate,reporting");
        assertThat(List.of(manager.values("crisisline", "read").get(0).split(",")))
                .doesNotContain("all", "command", "config", "user");
        assertThat(manager.values("crisisline", "deny")).containsExactly("0.0.0.0/0.0.0.0");
    }

    @Test
    @DisplayName("makes operatives' endpoints WebRTC softphones: WSS, DTLS-SRTP, ICE")
    void operativesAreWebRtcEndpoints() {
        AsteriskConf pjsip = AsteriskConf.load("pjsip.conf");
        assertThat(pjsip.values("transport-wss", "protocol")).containsExactly("wss");
        assertThat(pjsip.values("operative", "webrtc")).containsExactly("yes");
        assertThat(pjsip.values("operative", "media_encryption")).containsExactly("dtls");
        assertThat(pjsip.values("operative", "ice_support")).containsExactly("yes");
    }

    private static List<String> jumpTargets(String step) {
        List<String> targets = new ArrayList<>();
        Matcher gotoIf = GOTO_IF.matcher(step);
        if (gotoIf.find()) {
            targets.add(gotoIf.group(1));
            if (gotoIf.group(2) != null) {
                targets.add(gotoIf.group(2));
            }
            return targets;
        }
        Matcher jump = GOTO.matcher(step);
        if (jump.find()) {
            targets.add(jump.group(1));
        }
        return targets;
    }

    /** "label" (same extension), or "context,exten,priority" with exten "s" or a pattern. */
    private boolean lands(String context, List<AsteriskConf.Entry> entries, String target) {
        String[] parts = target.split(",");
        if (parts.length == 1) {
            return entries.stream().anyMatch(e -> e.value().startsWith("n(" + parts[0] + "),"));
        }
        if (!extensions.sections().containsKey(parts[0])) {
            return false;
        }
        return extensions.values(parts[0], "exten").stream().anyMatch(e -> e.startsWith(parts[1] + ",1,"));
    }
}
