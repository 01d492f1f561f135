package org.crisisline.load.bench;

import java.util.concurrent.TimeUnit;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.model.Call;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A caller joins a line of 9,999 ({@code QueueCore.enqueue}) with 2,000 operatives logged on and nobody
 * free: the whole command, including the dispatch that follows it (which finds nobody free).
 *
 * <p>Unmeasured, before each command: the clock moves 500 ms and due deadlines fire, the state is put back
 * to 10,000 waiting ({@link Floor}), then a random waiting caller hangs up and the joining caller is made.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class CoreEnqueueBench {
    @Param
    public FloorScenario floor;

    private Floor world;
    private Call joining;
    private Outcome last;

    @Setup(Level.Trial)
    public void build() {
        world = new Floor(floor, 13L);
        System.out.printf("%n[core] built %s%n", world.describe());
    }

    @Setup(Level.Invocation)
    public void prepare() {
        world.absorbMeasured(last);
        last = null;
        world.advance();
        world.abandonOne();
        joining = world.nextArrival();
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.out.printf("%n[core] %s%n", world.describe());
    }

    @Benchmark
    public Outcome enqueue() {
        last = world.core.enqueue(joining);
        return last;
    }
}
