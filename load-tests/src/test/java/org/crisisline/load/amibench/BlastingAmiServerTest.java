package org.crisisline.load.amibench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.crisisline.telephony.sim.ManagerEventFilter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("The blasting AMI server")
class BlastingAmiServerTest {
    private static final RecordedAmi RECORDED = RecordedAmi.load();

    @Test
    @Timeout(10)
    @DisplayName("logs asterisk-java in with the recorded handshake and answers its Ping")
    void asteriskJavaLogsIn() throws Exception {
        try (BlastingAmiServer server = BlastingAmiServer.start(RECORDED, ManagerEventFilter.NONE)) {
            DefaultManagerConnection connection = new DefaultManagerConnection("127.0.0.1", server.port(),
                    "triage", "triage-local-secret");
            connection.setDefaultResponseTimeout(3_000);
            connection.login();
            try {
                ManagerResponse pong = connection.sendAction(new PingAction(), 3_000);

                assertThat(connection.getState()).isEqualTo(ManagerConnectionState.CONNECTED);
                assertThat(pong.getResponse()).isEqualTo("Success");
                assertThat(pong.getAttribute("ping")).isEqualTo("Pong");
            } finally {
                connection.logoff();
            }
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("a one-second run through the real adapter publishes every call of the whole stream")
    void shortRunUnfiltered() throws Exception {
        shortRun(ManagerEventFilter.NONE);
    }

    @Test
    @Timeout(10)
    @DisplayName("a one-second run through the real adapter publishes every call of the filtered stream")
    void shortRunFiltered() throws Exception {
        shortRun(ManagerEventFilter.shipped());
    }

    private static void shortRun(ManagerEventFilter filter) throws Exception {
        AmiResult result = new AmiBenchRun(RECORDED, filter, filter.name(), 0).run(Duration.ZERO, Duration.ofSeconds(1));

        assertThat(result.calls()).isPositive();
        assertThat(result.amiEvents()).isEqualTo(result.calls() * result.eventsPerCall());
        assertThat(result.telephonyEvents()).isEqualTo(12 * result.calls());
        assertThat(result.timedCalls()).isEqualTo(result.calls());
        assertThat(result.dropped()).isZero();
        assertThat(result.linkUp()).isTrue();
    }
}
