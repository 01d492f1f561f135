package org.crisisline.queue.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.crisisline.queue.callback.CheckInPlan;
import org.crisisline.queue.callback.Rota;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent.ScreenResult;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Skills;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.queue.testing.QueueHarness;
import org.crisisline.queue.testing.RandomDays;

/**
 * A durable store saves a {@link CoreImage} and rebuilds the core from it after a restart. These
 * properties say the rebuilt core is the same core: its image is equal, and fed the same commands at
 * the same moments it does exactly what the original does. Commands are random data over a small
 * set of calls and operatives, so most of them meet a call or an operative in some state.
 */
class CoreImagePropertyTest {
    @Property(tries = 200)
    void aRestoredCoreIsTheSameCore(@ForAll("days") List<RandomDays.Step> steps, @ForAll("splits") int splitPercent) {
        MutableClock clock = new MutableClock(QueueHarness.START);
        QueueConfig config = QueueConfig.defaults();
        QueueCore original = new QueueCore(config, clock);
        int split = steps.size() * splitPercent / 100;
        for (RandomDays.Step step : steps.subList(0, split)) {
            clock.advanceSeconds(step.secondsLater());
            step.command().applyTo(original);
            assertThat(QueueCore.restore(config, clock, original.image()).image())
                    .as("image after %s", step.command()).isEqualTo(original.image());
        }

        QueueCore restored = QueueCore.restore(config, clock, original.image());
        for (RandomDays.Step step : steps.subList(split, steps.size())) {
            clock.advanceSeconds(step.secondsLater());
            Outcome expected = step.command().applyTo(original);
            Outcome actual = step.command().applyTo(restored);
            assertThat(actual).as("outcome of %s", step.command()).isEqualTo(expected);
        }
        assertThat(restored.image()).isEqualTo(original.image());
        assertThat(restored.waitingInOrder()).isEqualTo(original.waitingInOrder());
        assertThat(restored.nextDeadline()).isEqualTo(original.nextDeadline());
    }

    @Provide
    Arbitrary<Integer> splits() {
        return Arbitraries.integers().between(0, 100);
    }

    @Provide
    Arbitrary<List<RandomDays.Step>> days() {
        return RandomDays.days();
    }
}
