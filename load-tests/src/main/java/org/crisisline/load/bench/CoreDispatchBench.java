package org.crisisline.load.bench;

import java.util.concurrent.TimeUnit;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.model.OperativeId;
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
 * The dispatch decision inside the queue core, with 10,000 callers waiting and 2,000 operatives logged
 * on, nearly all busy. Each measured command frees one operative ({@code QueueCore.ready}, back from a
 * break) and so includes the whole command: the state change, the policy choosing a caller, the
 * assignment, the policy asked again (answering "nobody free"), and the outcome with its events.
 *
 * <p>Unmeasured, before each command ({@link Floor}): the clock moves 500 ms and due deadlines fire; the
 * previous assignment is answered, the line is topped up to 10,000, recovery kept at about 100 (staff-load
 * only); then one operative on a call asks for a break and their call ends.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class CoreDispatchBench {
    @Param
    public FloorScenario floor;

    private Floor world;
    private OperativeId freed;
    private Outcome last;

    @Setup(Level.Trial)
    public void build() {
        world = new Floor(floor, 11L);
        System.out.printf("%n[core] built %s%n", world.describe());
    }

    @Setup(Level.Invocation)
    public void prepare() {
        world.absorbMeasured(last);
        last = null;
        world.advance();
        freed = world.sendSomeoneOnBreak();
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.out.printf("%n[core] %s%n", world.describe());
    }

    @Benchmark
    public Outcome operativeReady() {
        last = world.core.ready(freed);
        return last;
    }
}
