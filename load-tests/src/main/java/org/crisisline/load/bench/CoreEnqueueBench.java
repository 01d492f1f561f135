package org.crisisline.load.bench;

import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.model.Call;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * A caller joins a line of 9,999 ({@code QueueCore.enqueue}) with 2,000 operatives logged on and nobody
 * free: the whole command, including the dispatch that follows it (which finds nobody free).
 *
 * <p>Unmeasured, before each command: the clock moves 500 ms and due deadlines fire, the state is put back
 * to 10,000 waiting ({@link Floor}), then a random waiting caller hangs up and the joining caller is made.
 */
public class CoreEnqueueBench extends FloorBenchmark {
    private Call joining;

    @Override
    protected long seed() {
        return 13L;
    }

    @Override
    protected void prepareCommand() {
        world.abandonOne();
        joining = world.nextArrival();
    }

    @Benchmark
    public Outcome enqueue() {
        last = world.core.enqueue(joining);
        return last;
    }
}
