package org.crisisline.load.bench;

import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.model.OperativeId;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The dispatch decision inside the queue core, with 10,000 callers waiting and 2,000 operatives logged
 * on, nearly all busy. Each measured command frees one operative ({@code QueueCore.ready}, back from a
 * break) and so includes the whole command: the state change, the policy choosing a caller, the
 * assignment, the policy asked again (answering "nobody free"), and the outcome with its events.
 *
 * <p>Unmeasured, before each command ({@link Floor}): the clock moves 500 ms and due deadlines fire; the
 * previous assignment is answered, the line is topped up to 10,000, recovery kept at about 100 (staff-load
 * only); then one operative on a call asks for a break and their call ends.
 */
public class CoreDispatchBench extends FloorBenchmark {
    private OperativeId freed;

    @Override
    protected long seed() {
        return 11L;
    }

    @Override
    protected void prepareCommand() {
        freed = world.sendSomeoneOnBreak();
    }

    @Benchmark
    public Outcome operativeReady() {
        last = world.core.ready(freed);
        return last;
    }
}
