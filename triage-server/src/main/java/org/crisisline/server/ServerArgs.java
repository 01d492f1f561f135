package org.crisisline.server;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The server's command line: {@code --config FILE} (JSON, keys as in {@code server-defaults.json};
 * else {@code CRISISLINE_CONFIG}) and {@code --time-scale N}, which wins over the file and the
 * environment. A bad argument fails with a message naming it.
 */
final class ServerArgs {
    static final String USAGE = "usage: java -jar crisisline-server.jar [--config FILE] [--time-scale N]\n"
            + "  starts the server; by default the embedded demo (in-memory queue, IVR, simulated PBX, routing);\n"
            + "  --config FILE   JSON settings over the shipped server-defaults.json (env CRISISLINE_CONFIG);\n"
            + "                  CRISISLINE_REDIS_URL, CRISISLINE_AMI_SECRET, CRISISLINE_PSEUDONYM_KEY, ... override it\n"
            + "  --time-scale N  simulated time runs N times faster (default 10; env CRISISLINE_TIME_SCALE)";

    private ServerArgs() {
    }

    /** The options the arguments, the configuration file and the environment give. */
    static ServerOptions options(String[] args, Map<String, String> env) {
        Map<String, String> effective = new HashMap<>(env);
        String config = env.get("CRISISLINE_CONFIG");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--config") || arg.equals("--time-scale")) && i + 1 < args.length) {
                String value = args[++i];
                if (arg.equals("--config")) {
                    config = value;
                } else {
                    effective.put("CRISISLINE_TIME_SCALE", value);
                }
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        return ServerConfig.read(config == null ? new JsonObject() : readFile(config), effective);
    }

    private static JsonObject readFile(String file) {
        try {
            return new JsonObject(Files.readString(Path.of(file)));
        } catch (IOException e) {
            throw new IllegalArgumentException("config: cannot read " + file + ": " + e.getMessage());
        } catch (DecodeException e) {
            throw new IllegalArgumentException("config: " + file + " is not a JSON object: " + e.getMessage());
        }
    }
}
