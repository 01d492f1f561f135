package org.crisisline.load.bench;

import java.util.concurrent.TimeUnit;
import org.crisisline.queue.event.Outcome;
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
 * What every benchmark of a whole core command shares: a {@link Floor} of 10,000 waiting and 2,000
 * operatives built once per trial, and before each measured command (unmeasured) the previous outcome
 * absorbed, the clock moved 500 ms and due deadlines fired. Subclasses prepare their own command in
 * {@link #prepareCommand()} and store what it returned in {@link #last}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public abstract class FloorBenchmark {
    @Param
    public FloorScenario floor;

    protected Floor world;
    protected Outcome last;

    /** Seeds differ per benchmark so that they do not all replay the same random floor. */
    protected abstract long seed();

    /** Unmeasured: gets the next command ready on the floor. */
    protected abstract void prepareCommand();

    @Setup(Level.Trial)
    public void build() {
        world = new Floor(floor, seed());
        System.out.printf("%n[core] built %s%n", world.describe());
    }

    @Setup(Level.Invocation)
    public void prepare() {
        world.absorbMeasured(last);
        last = null;
        world.advance();
        prepareCommand();
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.out.printf("%n[core] %s%n", world.describe());
    }
}
