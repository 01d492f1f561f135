package org.crisisline.telephony.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An IVR run in-process for model tests: sends the commands of agi-triage-session.txt to the
 * simulated channel, then sets TRIAGE_ROUTE from the digit the caller pressed.
 */
class InProcessAgi implements AgiLauncher {
    final List<String> transcript = new ArrayList<>();
    private final Function<String, String> routeForReply;

    InProcessAgi(Function<String, String> routeForReply) {
        this.routeForReply = routeForReply;
    }

    /** "2" → hold, "1" → emergency, "3" → callback, -1 → hangup, anything else → queue. */
    static InProcessAgi standard() {
        return new InProcessAgi(reply -> switch (reply) {
            case "200 result=1" -> "emergency";
            case "200 result=2" -> "hold";
            case "200 result=3" -> "callback";
            case "200 result=-1" -> "hangup";
            default -> "queue";
        });
    }

    @Override
    public void launch(InboundCall call, AgiCommandHandler commands, Consumer<Boolean> finished) {
        send(commands, "ANSWER");
        send(commands, "GET FULL VARIABLE ${CALLERID(num)}");
        String digit = send(commands, "GET DATA hello 5000 1");
        send(commands, "SET VARIABLE TRIAGE_ROUTE " + routeForReply.apply(digit));
        send(commands, "CHANNEL STATUS");
        finished.accept(true);
    }

    private String send(AgiCommandHandler commands, String command) {
        String reply = commands.handle(command);
        transcript.add("> " + command);
        transcript.add("< " + reply);
        commands.afterReply();
        return reply;
    }
}
