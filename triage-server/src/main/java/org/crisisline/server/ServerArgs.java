package org.crisisline.server;

import java.util.Map;

/** Reads the server's few command-line options, each overridable by an environment variable. */
final class ServerArgs {
    static final double DEFAULT_TIME_SCALE = 10.0;
    static final String USAGE = "usage: java -jar crisisline-server.jar [--time-scale N]\n"
            + "  starts the embedded default (in-memory queue, IVR, simulated PBX, routing);\n"
            + "  --time-scale N  simulated time runs N times faster (default 10; env CRISISLINE_TIME_SCALE)";

    private ServerArgs() {
    }

    /** {@code --time-scale N}, else {@code CRISISLINE_TIME_SCALE}, else 10; a bad value names its key. */
    static double timeScale(String[] args, Map<String, String> env) {
        String value = env.get("CRISISLINE_TIME_SCALE");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--time-scale") && i + 1 < args.length) {
                value = args[i + 1];
            } else if (args[i].startsWith("--time-scale=")) {
                value = args[i].substring("--time-scale=".length());
            } else {
                throw new IllegalArgumentException("unknown argument: " + args[i] + " (try --time-scale 10)");
            }
            if (args[i].equals("--time-scale")) {
                i++;
            }
        }
        if (value == null) {
            return DEFAULT_TIME_SCALE;
        }
        try {
            double scale = Double.parseDouble(value);
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new NumberFormatException();
            }
            return scale;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("time-scale: a number above 0, got '" + value + "'");
        }
    }
}
