package org.crisisline.server.text.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.TimeUnit;
import org.crisisline.server.audit.PhoneNumber;
import org.crisisline.server.text.TextMessage;
import org.crisisline.server.text.TextRecipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("the logging text gateway")
class LoggingTextGatewayTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingTextGateway.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        logged.start();
        logger.setLevel(Level.INFO);
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
        logger.setLevel(null);
    }

    @Test
    @DisplayName("logs the café, the length and the recipient's pseudonym; never the number or the text")
    void logsOnlyWhatIsSafe() throws Exception {
        String text = "Leeds Haven, 12 Kirkstall Road. Open now until 23:00.";
        TextMessage message = new TextMessage(new TextRecipient(PhoneNumber.parse("07700 900123").orElseThrow(),
                "c_pseudonym000001"), "cafe:leeds-haven", text);

        String receipt = new LoggingTextGateway().send(message).toCompletableFuture().get(1, TimeUnit.SECONDS)
                .reference();

        assertThat(receipt).isEqualTo("logged");
        assertThat(logged.list).singleElement()
                .extracting(line -> line.getFormattedMessage() + " " + line.getKeyValuePairs())
                .asString()
                .contains("text-logged", "subject=\"cafe:leeds-haven\"", "chars=\"" + text.length() + "\"",
                        "c_pseudonym000001")
                .doesNotContain("900123", "7700", "Kirkstall", "Haven,");
    }
}
