package org.crisisline.telephony.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisline.telephony.wire.AmiMessage;

/**
 * What the simulated PBX answers to an AMI action from a logged-in client (everything except the
 * login handshake, which {@link AmiSession} does). The reply is computed first and the change to
 * the PBX runs afterwards ({@link Outcome#then}), so the client reads the response before the
 * events the action causes, as from a real Asterisk (ami-redirect.txt, ami-originate-*.txt).
 *
 * <p>Not thread-safe: the model's thread only.
 */
final class AmiActions {
    /** Messages for the asking session only, then what to do to the PBX. */
    record Outcome(List<AmiMessage> replies, Runnable then, boolean close) {
        static Outcome reply(AmiMessage... replies) {
            return new Outcome(List.of(replies), () -> { }, false);
        }

        static Outcome replyThen(AmiMessage reply, Runnable then) {
            return new Outcome(List.of(reply), then, false);
        }
    }

    private static final Set<String> KNOWN = Set.of("ping", "logoff", "events", "command",
            "coresettings", "corestatus", "redirect", "hangup", "setvar", "getvar", "originate", "coreshowchannels");
    private static final Pattern CALLER_ID = Pattern.compile("\\s*(?:\"?([^\"<]*)\"?\\s*)?<([^>]*)>\\s*");

    private final PbxSimulation pbx;

    AmiActions(PbxSimulation pbx) {
        this.pbx = pbx;
    }

    Outcome handle(AmiMessage action) {
        String id = action.actionId().orElse(null);
        String name = action.actionName().orElse("");
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "ping" -> Outcome.reply(AmiReplies.response("Success", id).add("Ping", "Pong")
                    .add("Timestamp", String.format(Locale.ROOT, "%.6f", pbx.now() / 1000.0)).build());
            case "logoff" -> new Outcome(List.of(AmiReplies.response("Goodbye", id)
                    .add("Message", "Thanks for all the fish.").build()), () -> { }, true);
            case "events" -> Outcome.reply(AmiReplies.response("Success", id)
                    .add("Events", eventsOn(action.get("EventMask").orElse("on")) ? "On" : "Off").build());
            case "command" -> command(id, action.get("Command").orElse(""));
            case "coresettings" -> Outcome.reply(coreSettings(id));
            case "corestatus" -> Outcome.reply(coreStatus(id));
            case "redirect" -> redirect(id, action);
            case "hangup" -> hangup(id, action);
            case "setvar" -> setvar(id, action);
            case "getvar" -> getvar(id, action);
            case "originate" -> originate(id, action);
            case "coreshowchannels" -> coreShowChannels(id);
            default -> Outcome.reply(AmiReplies.error(id, "Invalid/unknown command: " + name
                    + ". Use Action: ListCommands to show available commands."));
        };
    }

    static boolean isKnown(String action) {
        return KNOWN.contains(action.toLowerCase(Locale.ROOT));
    }

    static boolean eventsOn(String mask) {
        String m = mask.trim().toLowerCase(Locale.ROOT);
        return !(m.equals("off") || m.equals("no") || m.equals("false") || m.equals("0"));
    }

    private Outcome command(String id, String command) {
        if (command.trim().equalsIgnoreCase("core show version")) {
            return Outcome.reply(AmiReplies.response("Success", id).add("Message", "Command output follows")
                    .add("Output", "Asterisk " + AgiEnvironment.ASTERISK_VERSION
                            + " built by crisisline @ simulated-pbx on a x86_64 running Linux").build());
        }
        return Outcome.reply(AmiReplies.response("Error", id).add("Message", "Command output follows")
                .add("Output", "No such command '" + command + "' (type 'core show help " + firstTwoWords(command)
                        + "' for other possible commands)")
                .build());
    }

    private static AmiMessage coreSettings(String id) {
        return AmiReplies.response("Success", id).add("AMIversion", "11.0.0")
                .add("AsteriskVersion", AgiEnvironment.ASTERISK_VERSION).add("SystemName", "")
                .add("CoreMaxCalls", "0").add("CoreMaxLoadAvg", "0.000000").add("CoreRunUser", "")
                .add("CoreRunGroup", "").add("CoreMaxFilehandles", "0").add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "Yes").add("CoreHTTPenabled", "No").add("SoundsSearchCustomDir", "No")
                .build();
    }

    private AmiMessage coreStatus(String id) {
        ZonedDateTime started = Instant.ofEpochMilli(pbx.startedMillis()).atZone(ZoneOffset.UTC);
        String date = started.toLocalDate().toString();
        String time = started.toLocalTime().withNano(0).toString();
        return AmiReplies.response("Success", id).add("CoreStartupDate", date).add("CoreStartupTime", time)
                .add("CoreReloadDate", date).add("CoreReloadTime", time)
                .add("CoreCurrentCalls", Integer.toString(pbx.dialplan().activeCalls()))
                .add("CoreProcessedCalls", Long.toString(pbx.processedCalls())).build();
    }

    private Outcome redirect(String id, AmiMessage action) {
        Optional<String> channel = action.get("Channel");
        if (channel.isEmpty()) {
            return Outcome.reply(AmiReplies.error(id, "Channel not specified"));
        }
        if (pbx.model().channel(channel.get()).isEmpty()) {
            return Outcome.reply(AmiReplies.error(id, "Channel does not exist: " + channel.get()));
        }
        String context = action.get("Context").orElse("");
        String exten = action.get("Exten").orElse("s");
        int priority = parseInt(action.get("Priority").orElse("1"), 1);
        return Outcome.replyThen(AmiReplies.success(id, "Redirect successful"),
                () -> pbx.redirect(channel.get(), context, exten, priority));
    }

    private Outcome hangup(String id, AmiMessage action) {
        String channel = action.get("Channel").orElse("");
        if (pbx.model().channel(channel).isEmpty()) {
            return Outcome.reply(AmiReplies.error(id, "No such channel"));
        }
        int cause = parseInt(action.get("Cause").orElse("16"), 16);
        return Outcome.replyThen(AmiReplies.success(id, "Channel Hungup"), () -> pbx.hangup(channel, cause));
    }

    private Outcome setvar(String id, AmiMessage action) {
        Optional<String> variable = action.get("Variable");
        if (variable.isEmpty()) {
            return Outcome.reply(AmiReplies.error(id, "No variable specified"));
        }
        String channel = action.get("Channel").filter(c -> !c.isEmpty()).orElse(null);
        if (channel != null && pbx.model().channel(channel).isEmpty()) {
            return Outcome.reply(AmiReplies.error(id, "No such channel"));
        }
        String value = action.get("Value").orElse("");
        return Outcome.replyThen(AmiReplies.success(id, "Variable Set"),
                () -> pbx.setVariable(channel, variable.get(), value));
    }

    private Outcome getvar(String id, AmiMessage action) {
        Optional<String> variable = action.get("Variable");
        if (variable.isEmpty()) {
            return Outcome.reply(AmiReplies.error(id, "No variable specified"));
        }
        String channel = action.get("Channel").filter(c -> !c.isEmpty()).orElse(null);
        return pbx.getVariable(channel, variable.get())
                .map(value -> Outcome.reply(AmiReplies.response("Success", id)
                        .add("Variable", variable.get()).add("Value", value).build()))
                .orElseGet(() -> Outcome.reply(AmiReplies.error(id, "No such channel")));
    }

    private Outcome originate(String id, AmiMessage action) {
        Optional<String> channel = action.get("Channel");
        if (channel.isEmpty()) {
            return Outcome.reply(AmiReplies.error(id, "Channel not specified"));
        }
        String callerIdNum = SimChannel.UNKNOWN;
        String callerIdName = SimChannel.UNKNOWN;
        Optional<String> callerId = action.get("CallerID");
        if (callerId.isPresent()) {
            Matcher m = CALLER_ID.matcher(callerId.get());
            if (m.matches()) {
                callerIdNum = m.group(2);
                callerIdName = m.group(1) == null || m.group(1).isBlank() ? SimChannel.UNKNOWN : m.group(1).trim();
            } else {
                callerIdNum = callerId.get().trim();
            }
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (String header : action.getAll("Variable")) {
            for (String assignment : header.split(",")) {
                int eq = assignment.indexOf('=');
                if (eq > 0) {
                    variables.put(assignment.substring(0, eq).trim(), assignment.substring(eq + 1));
                }
            }
        }
        OriginateRequest request = new OriginateRequest(channel.get(), action.get("Context").orElse("default"),
                action.get("Exten").orElse("s"), parseInt(action.get("Priority").orElse("1"), 1), callerIdNum,
                callerIdName, parseInt(action.get("Timeout").orElse("30000"), 30000), variables, id);
        return Outcome.replyThen(AmiReplies.success(id, "Originate successfully queued"),
                () -> pbx.originate(request));
    }

    private Outcome coreShowChannels(String id) {
        List<AmiMessage> replies = new ArrayList<>();
        replies.add(AmiReplies.response("Success", id).add("EventList", "start")
                .add("Message", "Channels will follow").build());
        List<AmiMessage> items = pbx.coreShowChannels(id);
        replies.addAll(items);
        AmiMessage.Builder complete = AmiMessage.event("CoreShowChannelsComplete");
        if (id != null) {
            complete.add("ActionID", id);
        }
        replies.add(complete.add("EventList", "Complete").add("ListItems", Integer.toString(items.size())).build());
        return new Outcome(replies, () -> { }, false);
    }

    private static String firstTwoWords(String command) {
        String[] words = command.trim().split("\\s+");
        return words.length < 2 ? words[0] : words[0] + " " + words[1];
    }

    private static int parseInt(String text, int otherwise) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
