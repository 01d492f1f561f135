package org.crisisline.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.audit.CallerPseudonym;
import org.crisisline.server.routing.CallFlowLog;
import org.crisisline.server.routing.CallerPseudonyms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The shipped {@code logback.xml}: JSON by default, one object per line with the call-flow facts as
 * key/value pairs and the caller only by pseudonym; {@code CRISISLINE_LOG_FORMAT=text} gives readable lines.
 */
@DisplayName("the shipped log format")
class ShippedLogFormatTest {
    private static final String RAW_NUMBER = "07700900123";
    private static final Instant AT = Instant.parse("2026-11-30T01:00:00Z");

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final PrintStream console = System.out;

    @AfterEach
    void restoreTestLogging() throws JoranException {
        System.setOut(console);
        configure("logback-test.xml", null);
    }

    @Test
    @DisplayName("is one JSON object per line, call-flow facts as key/value pairs, no raw number")
    void jsonByDefault() throws JoranException {
        String printed = printedWhileLogging(null);

        List<JsonObject> entries = Arrays.stream(printed.split("\n")).map(JsonObject::new).toList();
        assertThat(entries).hasSize(2);
        JsonObject queued = entries.get(0);
        assertThat(queued.getString("level")).isEqualTo("INFO");
        assertThat(queued.getString("loggerName")).isEqualTo("crisisline.calls");
        assertThat(queued.getString("formattedMessage")).isEqualTo("queued");
        assertThat(queued.getLong("timestamp")).isPositive();
        JsonObject facts = flatten(queued.getJsonArray("kvpList"));
        assertThat(facts.getString("call")).isEqualTo("call-1");
        assertThat(facts.getString("caller")).startsWith("c_");
        assertThat(facts.getString("tier")).isEqualTo("2");
        assertThat(flatten(entries.get(1).getJsonArray("kvpList")).getString("talkSeconds")).isEqualTo("300");
        assertThat(printed).doesNotContain(RAW_NUMBER).doesNotContain("7700900123");
    }

    @Test
    @DisplayName("CRISISLINE_LOG_FORMAT=text gives one readable line per step")
    void textOnRequest() throws JoranException {
        String printed = printedWhileLogging("text");

        assertThat(printed.split("\n")).hasSize(2);
        assertThat(printed).contains("INFO  crisisline.calls - queued call=call-1 caller=c_")
                .contains("completed call=call-1 operative=op1 tier=2 talkSeconds=300")
                .doesNotContain("7700900123");
    }

    private String printedWhileLogging(String format) throws JoranException {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        configure("logback.xml", format);
        Call call = Call.live(CallId.of("call-1"),
                new CallerPseudonyms(CallerPseudonym.withKey(new byte[32])).of(RAW_NUMBER, "call-1"),
                Line.CRISIS, CallSource.SELF, Tier.CRISIS, Language.ENGLISH, false, AT);
        new CallFlowLog().record(List.of(new QueueEvent.CallerQueued(AT, call),
                new QueueEvent.CallCompleted(AT, call.id(), OperativeId.of("op1"), Tier.CRISIS, Duration.ofMinutes(5))));
        System.out.flush();
        System.setOut(console);
        return captured.toString(StandardCharsets.UTF_8).strip();
    }

    private void configure(String resource, String format) throws JoranException {
        URL config = getClass().getClassLoader().getResource(resource);
        context.reset();
        if (format != null) {
            context.putProperty("CRISISLINE_LOG_FORMAT", format);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);
    }

    /** Logback writes key/value pairs as {@code [{"k": "v"}, ...]}. */
    private static JsonObject flatten(JsonArray pairs) {
        JsonObject flat = new JsonObject();
        pairs.forEach(pair -> flat.mergeIn((JsonObject) pair));
        return flat;
    }
}
