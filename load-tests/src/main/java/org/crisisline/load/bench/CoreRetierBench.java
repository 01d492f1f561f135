package org.crisisline.load.bench;

import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.Tier;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * A waiting caller is moved to another tier ({@code QueueCore.retier}) in a line of 10,000, 2,000
 * operatives logged on and nobody free: the whole command, including the dispatch that follows it.
 *
 * <p>Moves come in pairs so the tier mix of the line does not drift: a random caller goes from tier a to
 * tier b (45% 2 to 3, 45% 3 to 2, 10% 2 to 1), then another random caller goes from b back to a.
 *
 * <p>Unmeasured, before each command: the clock moves 500 ms and due deadlines fire, and the state is put
 * back to 10,000 waiting ({@link Floor}).
 */
public class CoreRetierBench extends FloorBenchmark {
    private static final String REASON = "triage updated";

    private CallId moving;
    private Tier to;
    private Tier reverseFrom;
    private Tier reverseTo;

    @Override
    protected long seed() {
        return 17L;
    }

    @Override
    protected void prepareCommand() {
        Tier from;
        if (reverseFrom != null && world.waitingIn(reverseFrom) > 0) {
            from = reverseFrom;
            to = reverseTo;
            reverseFrom = null;
        } else {
            double r = world.random.nextDouble();
            from = r < 0.55 ? Tier.CRISIS : Tier.SUPPORT;
            to = r < 0.45 ? Tier.SUPPORT : r < 0.55 ? Tier.IMMEDIATE_RISK : Tier.CRISIS;
            reverseFrom = to;
            reverseTo = from;
        }
        moving = world.randomWaitingIn(from);
    }

    @Benchmark
    public Outcome retier() {
        last = world.core.retier(moving, to, Actor.SYSTEM, REASON);
        return last;
    }
}
