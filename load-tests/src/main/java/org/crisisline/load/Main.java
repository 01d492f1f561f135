package org.crisisline.load;

import java.io.PrintStream;
import java.util.Arrays;
import org.crisisline.load.agibench.AgiBenchCommand;
import org.crisisline.load.amibench.AmiBenchCommand;
import org.crisisline.load.redisbench.RedisBenchCommand;
import org.crisisline.load.sim.SimulateCommand;
import org.crisisline.load.sim.SimulateOptions;

/**
 * The load-tests jar's entry point: {@code simulate} (the default) runs the day simulation,
 * {@code bench} hands its arguments to JMH, {@code redis-bench} drives the Redis queue store,
 * {@code ami-bench} and {@code agi-bench} drive the telephony adapter's AMI link and FastAGI server.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs a command and returns the exit status (JMH may exit the JVM itself). */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || args[0].startsWith("--")) {
            return new SimulateCommand(out, err).run(args);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "simulate":
                return new SimulateCommand(out, err).run(rest);
            case "bench":
                org.openjdk.jmh.Main.main(rest);
                return 0;
            case "redis-bench":
                return new RedisBenchCommand(out, err).run(rest);
            case "ami-bench":
                return new AmiBenchCommand(out, err).run(rest);
            case "agi-bench":
                return new AgiBenchCommand(out, err).run(rest);
            case "help", "-h":
                out.println(SimulateOptions.USAGE);
                return 0;
            default:
                err.println("error: unknown command '" + args[0] + "'");
                err.println(SimulateOptions.USAGE);
                return SimulateCommand.BAD_INPUT;
        }
    }
}
