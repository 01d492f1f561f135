package org.crisisline.telephony.ami;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crisisline.telephony.captures.Capture;
import org.crisisline.telephony.captures.Capture.AmiStep;
import org.crisisline.telephony.captures.Capture.Direction;
import org.crisisline.telephony.wire.AmiFrameReader;
import org.crisisline.telephony.wire.AmiMessage;

/**
 * A fake Asterisk that replays the real captures: the banner, the recorded reply to each action the
 * client sends (found by action name, with the client's ActionID put in), and a scenario's recorded
 * events in order. asterisk-java logs in with {@code Challenge} + MD5 {@code Login}, so the handshake
 * is answered from {@code ami-login.txt}; a scenario is the part of its capture after its own login,
 * played once the client has asked for {@code CoreShowChannels} (the link's resync).
 *
 * <p>Each accepted connection plays the next {@link Session} (the last one repeats). Plain blocking
 * sockets, a thread per connection: a test double, not production code.
 */
final class FakeAmiServer implements AutoCloseable {
    private static final Map<String, AmiMessage> RECORDED_REPLIES = recordedReplies();
    private static final String BANNER = Capture.load("ami-login.txt").amiSteps().get(0).banner();

    private final ServerSocket server;
    private final List<Session> sessions;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<AmiMessage> received = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private FakeAmiServer(List<Session> sessions) throws IOException {
        this.sessions = List.copyOf(sessions);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "fake-ami-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static FakeAmiServer start(Session... sessions) {
        try {
            return new FakeAmiServer(List.of(sessions));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many connections the server accepted so far. */
    int connections() {
        return accepted.get();
    }

    /** Every action any client sent, in order. */
    List<AmiMessage> received() {
        return received;
    }

    /** Blocks until the next action arrives from any client, or the timeout passes. */
    void awaitReceived(Duration timeout) throws InterruptedException {
        synchronized (received) {
            received.wait(Math.max(1, timeout.toMillis()));
        }
    }

    /** Kills the live connections mid-stream, as a crashed Asterisk or a cut cable would. */
    void dropConnections() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing a test server
        }
        dropConnections();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                int index = accepted.getAndIncrement();
                Session session = sessions.get(Math.min(index, sessions.size() - 1));
                sockets.add(socket);
                Thread thread = new Thread(() -> new Connection(socket, session).run(), "fake-ami-" + index);
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** What one connection does after the handshake. Immutable; build with the static factories. */
    record Session(LoginOutcome login, List<Step> scenario, Optional<List<AmiMessage>> liveChannels,
                   boolean muteAfterResync, Set<String> denied) {
        /** Logs in and replays the scenario of a capture; the listed actions are waited for. */
        static Session replay(String captureName, String... awaitedActions) {
            return new Session(LoginOutcome.ACCEPTED, scenarioOf(Capture.load(captureName), List.of(awaitedActions)),
                    Optional.empty(), false, Set.of());
        }

        /** Logs in and sends nothing but replies. */
        static Session idle() {
            return new Session(LoginOutcome.ACCEPTED, List.of(), Optional.empty(), false, Set.of());
        }

        /** Answers the login with the recorded {@code Authentication failed} and closes. */
        static Session loginFailed() {
            return new Session(LoginOutcome.REJECTED, List.of(), Optional.empty(), false, Set.of());
        }

        /** Accepts the TCP connection and never writes a byte, not even the banner (a hung PBX). */
        static Session silent() {
            return new Session(LoginOutcome.SILENT, List.of(), Optional.empty(), false, Set.of());
        }

        /**
         * The channels {@code CoreShowChannels} reports, instead of those the replay has created and
         * not hung up so far (what a real Asterisk would list).
         */
        Session withLiveChannels(List<AmiMessage> channels) {
            return new Session(login, scenario, Optional.of(channels), muteAfterResync, denied);
        }

        /** After answering {@code CoreShowChannels}, never writes another byte (a hung peer). */
        Session mutedAfterResync() {
            return new Session(login, scenario, liveChannels, true, denied);
        }

        /**
         * Answers these actions with the recorded {@code Permission denied} (ami-login-failed.txt), as
         * Asterisk does when the AMI user lacks the write class an action needs.
         */
        Session denying(String... actions) {
            return new Session(login, scenario, liveChannels, muteAfterResync,
                    Set.of(actions).stream().map(String::toLowerCase).collect(Collectors.toSet()));
        }

        /** The scenario with its steps rewritten (a fuzz test slips junk in). */
        Session mapScenario(Function<List<Step>, List<Step>> change) {
            return new Session(login, change.apply(scenario), liveChannels, muteAfterResync, denied);
        }
    }

    enum LoginOutcome { ACCEPTED, REJECTED, SILENT }

    /** One step of a scenario: bytes to send, or an action to wait for from the client. */
    sealed interface Step permits Send, Await {
    }

    /** Bytes as Asterisk wrote them; {@code message} is set when they are one whole message. */
    record Send(byte[] bytes, AmiMessage message) implements Step {
        static Send junk(byte[] bytes) {
            return new Send(bytes, null);
        }
    }

    /** Waits until the client sends this action; its recorded ActionID then maps to the client's. */
    record Await(String action, String recordedActionId) implements Step {
    }

    /**
     * The capture between its login reply and its Logoff: what Asterisk sent, and the awaited actions.
     * Replies to the capture client's other actions are left out (this client never sent them); the
     * events those actions caused stay in.
     */
    static List<Step> scenarioOf(Capture capture, List<String> awaited) {
        List<Step> scenario = new ArrayList<>();
        Set<String> notSent = new HashSet<>();
        boolean loggedIn = false;
        for (AmiStep step : capture.amiSteps()) {
            if (step.isBanner()) {
                continue;
            }
            AmiMessage message = step.message();
            if (!loggedIn) {
                loggedIn = step.direction() == Direction.FROM_ASTERISK && message.isResponse()
                        && message.get("Message").filter(m -> m.startsWith("Authentication accepted")).isPresent();
                continue;
            }
            String id = message.actionId().orElse("");
            if (step.direction() == Direction.FROM_CLIENT) {
                String action = message.actionName().orElseThrow();
                if (action.equalsIgnoreCase("Logoff")) {
                    break;
                }
                if (awaited.contains(action)) {
                    scenario.add(new Await(action, id));
                } else {
                    notSent.add(id);
                }
            } else if (!(message.isResponse() && notSent.contains(id))) {
                scenario.add(new Send(message.toWire().getBytes(StandardCharsets.UTF_8), message));
            }
        }
        return scenario;
    }

    /** The first recorded reply of each action name, over every capture. */
    private static Map<String, AmiMessage> recordedReplies() {
        Map<String, AmiMessage> replies = new HashMap<>();
        Set<String> loginFileReplied = new HashSet<>();
        for (String name : Capture.AMI_FILES) {
            Map<String, String> pending = new HashMap<>();
            for (AmiStep step : Capture.load(name).amiSteps()) {
                if (step.isBanner()) {
                    continue;
                }
                AmiMessage message = step.message();
                String id = message.actionId().orElse("");
                if (step.direction() == Direction.FROM_CLIENT) {
                    pending.put(id, message.actionName().orElseThrow().toLowerCase());
                } else if (message.isResponse() && pending.containsKey(id)) {
                    String action = pending.remove(id);
                    // ami-login.txt is the asterisk-java session: its replies win (Login: MD5 accepted);
                    // within a file the first reply wins, and one with an ActionID beats one without.
                    AmiMessage known = replies.get(action);
                    boolean better = known == null || (known.actionId().isEmpty() && !id.isEmpty())
                            || (name.equals("ami-login.txt") && !loginFileReplied.contains(action) && !id.isEmpty());
                    if (better) {
                        replies.put(action, message);
                        if (name.equals("ami-login.txt")) {
                            loginFileReplied.add(action);
                        }
                    }
                }
            }
        }
        return replies;
    }

    private static AmiMessage loginFailedReply(String message) {
        return Capture.load("ami-login-failed.txt").amiMessages(Direction.FROM_ASTERISK).stream()
                .filter(m -> m.get("Message").filter(message::equals).isPresent())
                .findFirst().orElseThrow();
    }

    /** A CoreShowChannel event for a channel, built from the fields of its Newchannel. */
    static AmiMessage coreShowChannel(AmiMessage newchannel) {
        AmiMessage.Builder event = AmiMessage.event("CoreShowChannel").add("ActionID", "");
        for (String name : List.of("Channel", "ChannelState", "ChannelStateDesc", "CallerIDNum", "CallerIDName",
                "ConnectedLineNum", "ConnectedLineName", "Language", "AccountCode", "Context", "Exten", "Priority",
                "Uniqueid", "Linkedid")) {
            event.add(name, newchannel.get(name).orElse(""));
        }
        return event.add("Application", "").add("ApplicationData", "").add("Duration", "00:00:01")
                .add("BridgeId", "").build();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the peer may have gone already
        }
    }

    /** One client connection: a reader thread answering actions, and a thread playing the scenario. */
    private final class Connection implements AmiFrameReader.Listener {
        private final Socket socket;
        private final Session session;
        private final BlockingQueue<AmiMessage> awaitedArrivals = new LinkedBlockingQueue<>();
        private final Map<String, String> actionIds = new ConcurrentHashMap<>();
        private final Map<String, AmiMessage> replayedChannels = new ConcurrentHashMap<>();
        private volatile boolean muted;
        private boolean playing;
        private OutputStream out;

        Connection(Socket socket, Session session) {
            this.socket = socket;
            this.session = session;
        }

        void run() {
            try (socket) {
                out = socket.getOutputStream();
                muted = session.login() == LoginOutcome.SILENT;
                if (!muted) {
                    write((BANNER + "\r\n").getBytes(StandardCharsets.UTF_8));
                }
                AmiFrameReader reader = new AmiFrameReader(this, false);
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[8192];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    reader.feed(buffer, 0, read);
                }
            } catch (IOException e) {
                // the client went away, or a test dropped the connection
            }
        }

        @Override
        public void banner(String banner) {
        }

        @Override
        public void malformed(String problem) {
            throw new IllegalStateException("the client sent bad AMI: " + problem);
        }

        @Override
        public void message(AmiMessage action) {
            synchronized (received) {
                received.add(action);
                received.notifyAll();
            }
            if (muted) {
                return;
            }
            String name = action.actionName().orElse("").toLowerCase();
            String id = action.actionId().orElse("");
            if (session.denied().contains(name)) {
                reply(loginFailedReply("Permission denied").withActionId(id));
                return;
            }
            switch (name) {
                case "login" -> login(action, id);
                case "coreshowchannels" -> coreShowChannels(id);
                case "setvar" -> reply(AmiMessage.response("Success").add("ActionID", id)
                        .add("Message", "Variable Set").build());
                case "logoff" -> {
                    reply(RECORDED_REPLIES.get("logoff").withActionId(id));
                    closeQuietly(socket);
                }
                default -> {
                    if (isAwaited(name)) {
                        awaitedArrivals.add(action);
                    } else {
                        reply(Optional.ofNullable(RECORDED_REPLIES.get(name))
                                .orElse(RECORDED_REPLIES.get("nosuchaction")).withActionId(id));
                    }
                }
            }
        }

        private boolean isAwaited(String name) {
            return session.scenario().stream().anyMatch(s -> s instanceof Await a && a.action().equalsIgnoreCase(name));
        }

        private void login(AmiMessage action, String id) {
            if (session.login() == LoginOutcome.REJECTED) {
                reply(loginFailedReply("Authentication failed").withActionId(id));
                closeQuietly(socket); // Asterisk closes after a failed login (ami-login-failed.txt)
                return;
            }
            reply(RECORDED_REPLIES.get("login").withActionId(id));
        }

        /** No capture has CoreShowChannels: its reply is built, as manager.c's action_coreshowchannels writes it. */
        private void coreShowChannels(String id) {
            List<AmiMessage> channels = session.liveChannels()
                    .orElseGet(() -> replayedChannels.values().stream().map(FakeAmiServer::coreShowChannel).toList());
            reply(AmiMessage.response("Success").add("ActionID", id).add("EventList", "start")
                    .add("Message", "Channels will follow").build());
            for (AmiMessage channel : channels) {
                reply(channel.withActionId(id));
            }
            reply(AmiMessage.event("CoreShowChannelsComplete").add("ActionID", id).add("EventList", "Complete")
                    .add("ListItems", String.valueOf(channels.size())).build());
            muted = session.muteAfterResync();
            // The scenario starts once the client has resynchronised, so what the resync finds does
            // not depend on how far the replay got: the tests stay deterministic.
            if (!playing) {
                playing = true;
                Thread player = new Thread(this::play, "fake-ami-play");
                player.setDaemon(true);
                player.start();
            }
        }

        /** Keeps the channels the replay created and has not hung up, as Asterisk would list them. */
        private void follow(AmiMessage sent) {
            String event = sent.eventName().orElse("");
            sent.get("Uniqueid").ifPresent(uniqueid -> {
                if (event.equals("Newchannel")) {
                    replayedChannels.put(uniqueid, sent);
                } else if (event.equals("Hangup")) {
                    replayedChannels.remove(uniqueid);
                }
            });
        }

        private void play() {
            try {
                for (Step step : session.scenario()) {
                    if (step instanceof Await await) {
                        AmiMessage arrived = awaitedArrivals.poll(20, TimeUnit.SECONDS);
                        if (arrived == null) {
                            return;
                        }
                        String clientId = arrived.actionId().orElse("");
                        actionIds.put(await.recordedActionId(), clientId);
                    } else if (step instanceof Send send) {
                        if (muted) {
                            return;
                        }
                        if (send.message() != null) {
                            follow(send.message());
                        }
                        write(send.message() == null ? send.bytes() : rewrite(send.message()));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the connection was dropped mid-stream
            }
        }

        private byte[] rewrite(AmiMessage message) {
            AmiMessage out = message.actionId().map(actionIds::get).map(message::withActionId).orElse(message);
            return out.toWire().getBytes(StandardCharsets.UTF_8);
        }

        private void reply(AmiMessage message) {
            try {
                write(message.toWire().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the client went away
            }
        }

        private void write(byte[] bytes) throws IOException {
            synchronized (this) {
                out.write(bytes);
                out.flush();
            }
        }
    }
}
