package org.crisisline.load.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.core.CoreImage;
import org.crisisline.queue.store.codec.QueueJson;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a saved image of the 10,000-waiting, 2,000-operative floor costs: taking it from the core, writing
 * it as JSON (what the Redis store saves every {@code snapshot-every} entries, on a worker thread) and
 * reading it back (what a starting node does). Its size is printed once per trial.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class CoreImageBench {
    @Param("STAFF_LOAD")
    public FloorScenario floor;

    private final QueueJson json = QueueJson.instance();
    private Floor world;
    private CoreImage image;
    private String written;

    @Setup(Level.Trial)
    public void build() {
        world = new Floor(floor, 29L);
        image = world.core.image();
        written = json.write(image);
        System.out.printf("%n[image] %s: %,d bytes of JSON%n", world.describe(),
                written.getBytes(StandardCharsets.UTF_8).length);
    }

    @Benchmark
    public CoreImage take() {
        return world.core.image();
    }

    @Benchmark
    public String write() {
        return json.write(image);
    }

    @Benchmark
    public CoreImage read() {
        return json.readImage(written);
    }
}
