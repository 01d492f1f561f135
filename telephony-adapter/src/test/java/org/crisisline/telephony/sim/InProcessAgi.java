package org.crisisline.telephony.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An IVR run in-process for model tests: asks the shipped IVR's first questions in its order
 * (language, then immediate danger, then the callback offer) with the command formats of
 * agi-triage-session.txt, then sets TRIAGE_ROUTE from the caller's answers.
 */
class InProcessAgi implements AgiLauncher {
    private static final String HUNG_UP = "200 result=-1";

    final List<String> transcript = new ArrayList<>();

    static InProcessAgi standard() {
        return new InProcessAgi();
    }

    @Override
    public void launch(InboundCall call, AgiCommandHandler commands, Consumer<Boolean> finished) {
        send(commands, "ANSWER");
        send(commands, "GET FULL VARIABLE ${CALLERID(num)}");
        send(commands, "SET VARIABLE TRIAGE_ROUTE " + route(commands));
        send(commands, "CHANNEL STATUS");
        finished.accept(true);
    }

    /** Danger "1" → emergency; "2" then offer "1" → callback, else hold; silence → queue; hang-up → hangup. */
    private String route(AgiCommandHandler commands) {
        String language = send(commands, "GET DATA hello 5000 1");
        if (language.equals(HUNG_UP)) {
            return "hangup";
        }
        String danger = send(commands, "GET DATA hello 5000 1");
        return switch (danger) {
            case HUNG_UP -> "hangup";
            case "200 result=1" -> "emergency";
            case "200 result=2" -> send(commands, "GET DATA hello 5000 1").equals("200 result=1") ? "callback" : "hold";
            default -> "queue";
        };
    }
    private String send(AgiCommandHandler commands, String command) {
        String reply = commands.handle(command);
        transcript.add("> " + command);
        transcript.add("< " + reply);
        commands.afterReply();
        return reply;
    }
}
