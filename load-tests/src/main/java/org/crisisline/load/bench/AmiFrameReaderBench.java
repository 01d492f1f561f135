package org.crisisline.load.bench;

import java.util.concurrent.TimeUnit;
import org.crisisline.telephony.captures.Capture;
import org.crisisline.telephony.wire.AmiFrameReader;
import org.crisisline.telephony.wire.AmiMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The pure AMI framing layer alone ({@code AmiFrameReader}, used by the simulated PBX's AMI server):
 * bytes to {@code AmiMessage}s for the whole Asterisk side of {@code ami-queue-answered.txt} (one call
 * through IVR and queue: the banner, 4 responses and 129 events, 54 KB), fed in socket-sized chunks.
 * One operation is the whole session; multiply by 134 for messages a second. The adapter's own AMI
 * link parses with asterisk-java, not with this reader: {@code ami-bench} measures that end to end.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AmiFrameReaderBench {
    /** Bytes per {@code feed} call: a small read, and a full 8 KB socket buffer. */
    @Param({"1024", "8192"})
    public int chunk;

    private byte[] session;
    private Blackhole blackhole;
    private final AmiFrameReader.Listener listener = new AmiFrameReader.Listener() {
        @Override
        public void banner(String banner) {
            blackhole.consume(banner);
        }

        @Override
        public void message(AmiMessage message) {
            blackhole.consume(message);
        }

        @Override
        public void malformed(String problem) {
            throw new IllegalStateException(problem);
        }
    };

    @Setup
    public void load(Blackhole blackhole) {
        this.blackhole = blackhole;
        session = Capture.load("ami-queue-answered.txt").bytes(Capture.Direction.FROM_ASTERISK, "\r\n");
    }

    @Benchmark
    public AmiFrameReader parseCall() {
        AmiFrameReader reader = new AmiFrameReader(listener, true);
        for (int offset = 0; offset < session.length; offset += chunk) {
            reader.feed(session, offset, Math.min(chunk, session.length - offset));
        }
        return reader;
    }
}
