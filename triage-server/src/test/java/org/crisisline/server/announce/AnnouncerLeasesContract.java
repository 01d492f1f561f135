package org.crisisline.server.announce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.model.CallId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AnnouncerLeases} must do (STYLE.md, "Stores: one abstract contract test"): one node at a
 * time announces to a caller; the holder keeps its callers by renewing; a lease nobody renews lapses and
 * another node takes the caller over. A subclass supplies fresh leases and lets time pass.
 */
public abstract class AnnouncerLeasesContract {
    protected static final Duration LEASE = Duration.ofMillis(400);
    private static final CallId ANN = CallId.of("1764446400.1");
    private static final CallId BEN = CallId.of("1764446400.2");

    private AnnouncerLeases leases;

    /** Fresh leases, shared by every node that asks. */
    protected abstract AnnouncerLeases newLeases() throws Exception;

    /** Lets more than {@code lease} pass without anyone renewing. */
    protected abstract void letLapse(Duration lease) throws Exception;

    @BeforeEach
    void fresh() throws Exception {
        leases = newLeases();
    }

    private Set<CallId> hold(String node, CallId... callers) throws Exception {
        return leases.hold(node, List.of(callers), LEASE).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("the first node to ask announces to a caller; another node asking gets only the callers nobody holds")
    void oneNodePerCaller() throws Exception {
        assertThat(hold("node-a", ANN)).containsExactly(ANN);

        assertThat(hold("node-b", ANN, BEN)).containsExactly(BEN);
        assertThat(hold("node-a", ANN, BEN)).containsExactly(ANN);
    }

    @Test
    @DisplayName("the holder keeps its caller by asking again each round; a lease nobody renews lapses and another node takes over")
    void renewedOrTakenOver() throws Exception {
        hold("node-a", ANN);
        assertThat(hold("node-a", ANN)).containsExactly(ANN);
        assertThat(hold("node-b", ANN)).isEmpty();

        letLapse(LEASE);

        assertThat(hold("node-b", ANN)).containsExactly(ANN);
        assertThat(hold("node-a", ANN)).isEmpty();
    }

    @Test
    @DisplayName("asking about nobody holds nothing")
    void nobody() throws Exception {
        assertThat(leases.hold("node-a", List.of(), LEASE).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS)).isEmpty();
    }
}
