package org.crisisline.telephony.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AGI commands are answered as the captured Asterisk answered them")
class AgiCommandHandlerTest {
    /** Hands the handler to the test instead of running an IVR; the AGI never finishes. */
    private static final class CapturingAgi extends InProcessAgi {
        final List<AgiCommandHandler> handlers = new ArrayList<>();

        @Override
        public void launch(InboundCall call, AgiCommandHandler commands, Consumer<Boolean> finished) {
            handlers.add(commands);
        }
    }

    private AgiCommandHandler handlerFor(String script, SimHarness[] out) {
        CapturingAgi agi = new CapturingAgi();
        SimHarness sim = new SimHarness(new JsonObject().put("keypad-scripts", new JsonArray()
                .add(new JsonObject().put("name", "typed").put("answers",
                        new JsonArray().add("07700900456").add("5").add("").add("12#")))), agi);
        sim.pbx.placeCall("crisis", script);
        out[0] = sim;
        return agi.handlers.get(0);
    }

    @Test
    void keypadAnswersVariablesAndUnknownCommands() {
        SimHarness[] sim = new SimHarness[1];
        AgiCommandHandler agi = handlerFor("typed", sim);

        assertThat(agi.handle("GET DATA enter-number 5000 11")).isEqualTo("200 result=07700900456");
        assertThat(agi.handle("WAIT FOR DIGIT 3000")).isEqualTo("200 result=53");
        assertThat(agi.handle("GET DATA hello 5000 1")).isEqualTo("200 result= (timeout)");
        assertThat(agi.handle("GET DATA hello 5000 4")).isEqualTo("200 result=12");
        assertThat(agi.handle("WAIT FOR DIGIT 3000")).isEqualTo("200 result=0");
        assertThat(agi.handle("SAY DIGITS 123 \"\"")).isEqualTo("200 result=0");
        assertThat(agi.handle("GET VARIABLE CRISISLINE_CALL_ID")).isEqualTo("200 result=0");
        assertThat(agi.handle("SET VARIABLE CRISISLINE_CALL_ID \"call-42\"")).isEqualTo("200 result=1");
        assertThat(agi.handle("GET VARIABLE CRISISLINE_CALL_ID")).isEqualTo("200 result=1 (call-42)");
        assertThat(agi.handle("GET FULL VARIABLE ${CHANNEL(language)}")).isEqualTo("200 result=1 (en)");
        assertThat(agi.handle("FOOBAR")).isEqualTo("510 Invalid or unknown command");
        assertThat(agi.handle("GET DATA")).startsWith("520-Invalid command syntax.").endsWith("520 End of proper usage.");

        assertThat(sim[0].named("DTMFEnd")).extracting(e -> e.get("Digit").orElseThrow()).containsExactly(
                "0", "7", "7", "0", "0", "9", "0", "0", "4", "5", "6", "5", "1", "2", "#");
        assertThat(sim[0].first("VarSet", "Variable", "CRISISLINE_CALL_ID")).isPresent();
        assertThat(sim[0].named("AGIExecEnd")).extracting(e -> e.get("ResultCode").orElseThrow())
                .contains("200", "510", "520");
    }

    @Test
    void theHangupCommandHangsTheCallerUpAfterTheReply() {
        SimHarness[] sim = new SimHarness[1];
        AgiCommandHandler agi = handlerFor("typed", sim);

        assertThat(agi.handle("HANGUP")).isEqualTo("200 result=1");
        assertThat(sim[0].pbx.liveChannels()).isEqualTo(2);
        agi.afterReply();
        assertThat(sim[0].pbx.liveChannels()).isZero();
        assertThat(agi.handle("CHANNEL STATUS")).isEqualTo(
                "511 Command Not Permitted on a dead channel or intercept routine");
        assertThat(agi.handle("STREAM FILE beep \"\"")).isEqualTo("200 result=-1 endpos=0");
    }

    @Test
    void quotedArgumentsStayWhole() {
        assertThat(AgiCommandHandler.tokens("VERBOSE \"triage start for 07700900123\" 1"))
                .containsExactly("VERBOSE", "triage start for 07700900123", "1");
        assertThat(AgiCommandHandler.tokens("STREAM FILE beep \"\"")).containsExactly("STREAM", "FILE", "beep", "");
    }
}
