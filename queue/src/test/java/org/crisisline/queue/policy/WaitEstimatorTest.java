package org.crisisline.queue.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The wait estimate: callers ahead over operatives staffed, times the mean handle time")
class WaitEstimatorTest {
    private final WaitEstimator estimator = new WaitEstimator(Duration.ofMinutes(20), 0.1);

    @Test
    @DisplayName("a caller who will find someone free is quoted no wait")
    void freeOperativeMeansNoWait() {
        assertThat(estimator.estimate(0, 1, 5)).isZero();
        assertThat(estimator.estimate(2, 3, 5)).isZero();
    }

    @Test
    @DisplayName("each caller queued ahead adds a mean handle time shared by the staffed operatives")
    void queuedCallersAddHandleTime() {
        assertThat(estimator.estimate(0, 0, 1)).isEqualTo(Duration.ofMinutes(20));
        assertThat(estimator.estimate(3, 0, 2)).isEqualTo(Duration.ofMinutes(40));
        assertThat(estimator.estimate(3, 1, 2)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    @DisplayName("with nobody staffed the estimate is still a number, never a division by zero")
    void nobodyStaffed() {
        assertThat(estimator.estimate(1, 0, 0)).isEqualTo(Duration.ofMinutes(40));
    }

    @Test
    @DisplayName("the mean handle time learns from calls that end, by the smoothing weight")
    void meanLearnsFromHandledCalls() {
        estimator.recordHandled(Duration.ofMinutes(30));

        assertThat(estimator.meanHandleTime()).isEqualTo(Duration.ofMinutes(21));
    }
}
