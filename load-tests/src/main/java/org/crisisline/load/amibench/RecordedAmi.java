package org.crisisline.load.amibench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crisisline.telephony.captures.Capture;
import org.crisisline.telephony.captures.Capture.AmiStep;
import org.crisisline.telephony.captures.Capture.Direction;
import org.crisisline.telephony.wire.AmiMessage;

/**
 * What the real Asterisk 22.10.1 said, taken from the captures (telephony-adapter's test jar): the
 * banner, its reply to each action of asterisk-java's login ({@code ami-login.txt}), the events it sent
 * right after the login, and one whole call through IVR and queue ({@code ami-queue-answered.txt}).
 * No capture has {@code CoreShowChannels} or {@code Setvar}, which the adapter sends; their replies are
 * built as main/manager.c writes them.
 */
final class RecordedAmi {
    static final String LOGIN_CAPTURE = "ami-login.txt";
    static final String CALL_CAPTURE = "ami-queue-answered.txt";
    /** Events about the AMI session, not the call: sent once after the login. */
    private static final Set<String> SESSION_EVENTS = Set.of("fullybooted", "successfulauth");

    private final String banner;
    private final Map<String, AmiMessage> replies;
    private final List<AmiMessage> afterLogin;
    private final List<AmiMessage> call;

    private RecordedAmi(String banner, Map<String, AmiMessage> replies, List<AmiMessage> afterLogin,
                        List<AmiMessage> call) {
        this.banner = banner;
        this.replies = Map.copyOf(replies);
        this.afterLogin = List.copyOf(afterLogin);
        this.call = List.copyOf(call);
    }

    static RecordedAmi load() {
        List<AmiStep> login = Capture.load(LOGIN_CAPTURE).amiSteps();
        String banner = login.get(0).banner();
        Map<String, AmiMessage> replies = new HashMap<>();
        List<AmiMessage> afterLogin = new ArrayList<>();
        String pending = null;
        for (AmiStep step : login.subList(1, login.size())) {
            AmiMessage message = step.message();
            if (step.direction() == Direction.FROM_CLIENT) {
                pending = key(message);
            } else if (message.isResponse() && pending != null) {
                replies.putIfAbsent(pending, message);
                pending = null;
            } else if (message.isEvent() && SESSION_EVENTS.contains(lower(message.eventName().orElse("")))) {
                afterLogin.add(message);
            }
        }
        return new RecordedAmi(banner, replies, afterLogin, callEvents(Capture.load(CALL_CAPTURE)));
    }

    /** The events of the call: everything Asterisk sent after the login reply, but the session's own events. */
    static List<AmiMessage> callEvents(Capture capture) {
        List<AmiMessage> events = new ArrayList<>();
        boolean loggedIn = false;
        for (AmiStep step : capture.amiSteps()) {
            if (step.isBanner() || step.direction() != Direction.FROM_ASTERISK) {
                continue;
            }
            AmiMessage message = step.message();
            if (!loggedIn) {
                loggedIn = message.isResponse() && message.get("Message")
                        .filter(m -> m.startsWith("Authentication accepted")).isPresent();
                continue;
            }
            if (message.isEvent() && !SESSION_EVENTS.contains(lower(message.eventName().orElseThrow()))) {
                events.add(message);
            }
        }
        return events;
    }

    /** Actions are told apart by name, and {@code Command}s by their CLI command too. */
    private static String key(AmiMessage action) {
        String name = lower(action.actionName().orElse(""));
        return name.equals("command") ? name + ":" + action.get("Command").orElse("") : name;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    String banner() {
        return banner;
    }

    List<AmiMessage> afterLogin() {
        return afterLogin;
    }

    List<AmiMessage> call() {
        return call;
    }

    /**
     * The replies to one action, each with the action's ActionID (or none, if it sent none): the
     * recorded reply, a built one for {@code CoreShowChannels} (no channels) and {@code Setvar}, and
     * the recorded "Invalid/unknown command" error for anything else.
     */
    List<AmiMessage> answer(AmiMessage action) {
        Optional<String> id = action.actionId();
        String key = key(action);
        List<AmiMessage> out = new ArrayList<>();
        switch (key) {
            case "coreshowchannels" -> {
                out.add(AmiMessage.response("Success").add("ActionID", "").add("EventList", "start")
                        .add("Message", "Channels will follow").build());
                out.add(AmiMessage.event("CoreShowChannelsComplete").add("ActionID", "").add("EventList", "Complete")
                        .add("ListItems", "0").build());
            }
            case "setvar" -> out.add(AmiMessage.response("Success").add("ActionID", "")
                    .add("Message", "Variable Set").build());
            default -> {
                AmiMessage recorded = replies.get(key);
                if (recorded == null && key.startsWith("command:")) {
                    recorded = replies.get("command:show version files pbx.c"); // "No such command"
                }
                out.add(recorded != null ? recorded : replies.get("nosuchaction"));
            }
        }
        return out.stream().map(m -> withId(m, id)).toList();
    }

    private static AmiMessage withId(AmiMessage message, Optional<String> id) {
        if (id.isPresent()) {
            return message.actionId().isPresent() ? message.withActionId(id.get())
                    : AmiMessage.builder().addAll(message.headers()).add("ActionID", id.get()).build();
        }
        return AmiMessage.of(message.headers().stream().filter(h -> !h.name().equalsIgnoreCase("ActionID")).toList());
    }

    static boolean isLogoff(AmiMessage action) {
        return action.actionName().filter("Logoff"::equalsIgnoreCase).isPresent();
    }
}
