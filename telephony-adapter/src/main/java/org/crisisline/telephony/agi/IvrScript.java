package org.crisisline.telephony.agi;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiNetworkException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.NamedAgiScript;
import org.crisisline.telephony.agi.IvrStep.Finish;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code triage} FastAGI script: runs an {@link IvrFlow} on one call, doing each step over AGI and
 * asking the {@link IvrQueue}, then sets {@code TRIAGE_ROUTE}, {@code CRISISLINE_CALL_ID} and
 * {@code CRISISLINE_LANGUAGE} for the dialplan.
 *
 * <p>Never throws: a hang-up ends the call quietly (asterisk-java would log an error for any exception
 * that leaves a script); a broken conversation sends the caller to Asterisk's own queue.
 *
 * <p>Threading: {@link #service} runs on a FastAGI pool thread and blocks there, on the socket and on
 * the queue's replies (at most the {@code queue-timeout} each). Thread-safe: it keeps no call state.
 */
final class IvrScript implements NamedAgiScript {
    static final String ROUTE_VARIABLE = "TRIAGE_ROUTE";
    static final String CALL_ID_VARIABLE = "CRISISLINE_CALL_ID";
    static final String LANGUAGE_VARIABLE = "CRISISLINE_LANGUAGE";

    private static final Logger log = LoggerFactory.getLogger(IvrScript.class);

    private final IvrOptions options;
    private final IvrQueue queue;
    private final Clock clock;

    IvrScript(IvrOptions options, IvrQueue queue, Clock clock) {
        this.options = options;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public String getName() {
        return "crisisline triage IVR";
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        AgiEnvironment env = AgiEnvironment.of(request.getRequest());
        ChannelVoice voice = new ChannelVoice(channel);
        IvrFlow flow = null;
        try {
            voice.answer();
            String number = env.callerArg().isEmpty() ? voice.callerIdNumber() : env.callerArg();
            flow = new IvrFlow(options, new IvrCall(env.uniqueId(), env.channel(), env.line(), number,
                    env.language()), clock);
            IvrStep step = flow.start();
            while (!(step instanceof Finish)) {
                step = flow.next(perform(step, voice));
            }
            end(env, (Finish) step, voice);
        } catch (AgiHangupException e) {
            // Only answer() and the caller-id read get here: the flow turns later hang-ups into steps.
            log.info("IVR {}: the caller hung up before the first question", env.uniqueId());
            end(env, new Finish(TriageRoute.HANGUP, Optional.empty(), env.language(), Optional.empty()), voice);
        } catch (AgiNetworkException e) {
            // The socket is gone: Asterisk ends the AGI with AGISTATUS=FAILURE and the dialplan falls back
            // to its own queue, so the queue must let the caller go; no variable can be set any more.
            log.warn("IVR {}: lost the FastAGI connection ({})", env.uniqueId(), e.getMessage());
            if (flow != null) {
                flow.failed().left().ifPresent(this::tellQueue);
            }
        } catch (AgiException | RuntimeException e) {
            log.warn("IVR {}: the AGI conversation broke ({}); sending the caller to Asterisk's queue",
                    env.uniqueId(), e.toString());
            Finish fallback = flow == null
                    ? new Finish(TriageRoute.QUEUE, Optional.empty(), env.language(), Optional.empty())
                    : flow.failed();
            end(env, fallback, voice);
        }
    }

    private IvrInput perform(IvrStep step, ChannelVoice voice) throws AgiException {
        try {
            if (step instanceof IvrStep.Say say) {
                return speakAll(say.speech(), voice) ? new IvrInput.Spoken() : new IvrInput.HungUp();
            }
            if (step instanceof IvrStep.Ask ask) {
                return speakAll(ask.preamble(), voice)
                        ? voice.ask(ask.prompt(), ask.timeout(), ask.maxDigits())
                        : new IvrInput.HungUp();
            }
        } catch (AgiHangupException e) {
            return new IvrInput.HungUp();
        }
        if (step instanceof IvrStep.Register register) {
            return await("register " + register.arrived().uniqueId(), queue.callerArrived(register.arrived()),
                    IvrInput.Registered::new);
        }
        if (step instanceof IvrStep.Book book) {
            return await("book a callback for " + book.booking().callId(), queue.bookCallback(book.booking()),
                    IvrInput.Booked::new);
        }
        throw new IllegalStateException("not a step to perform: " + step);
    }

    private static boolean speakAll(Iterable<Speech> speech, ChannelVoice voice) throws AgiException {
        for (Speech part : speech) {
            if (!voice.speak(part)) {
                return false;
            }
        }
        return true;
    }

    private <T> IvrInput await(String what, CompletionStage<T> reply, Function<T, IvrInput> success) {
        Duration timeout = options.queueTimeout();
        try {
            return success.apply(reply.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return queueFailed(what, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return queueFailed(what, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return queueFailed(what, "interrupted");
        }
    }

    private static IvrInput queueFailed(String what, String reason) {
        log.warn("IVR: the queue could not {}: {}", what, reason);
        return new IvrInput.QueueFailed(reason);
    }

    /** Tells the queue, then the dialplan; a dead channel only means fewer variables get set. */
    private void end(AgiEnvironment env, Finish finish, ChannelVoice voice) {
        finish.left().ifPresent(this::tellQueue);
        try {
            voice.setVariable(ROUTE_VARIABLE, finish.route().variableValue());
            if (finish.callId().isPresent()) {
                voice.setVariable(CALL_ID_VARIABLE, finish.callId().get());
            }
            voice.setVariable(LANGUAGE_VARIABLE, finish.language());
            log.info("IVR {}: route {}, call {}, language {}", env.uniqueId(), finish.route().variableValue(),
                    finish.callId().orElse("-"), finish.language());
        } catch (AgiHangupException | AgiNetworkException e) {
            log.info("IVR {}: route {}; the channel was gone before every variable was set", env.uniqueId(),
                    finish.route().variableValue());
        } catch (AgiException | RuntimeException e) {
            log.warn("IVR {}: could not set the route {}: {}", env.uniqueId(), finish.route().variableValue(),
                    e.toString());
        }
    }

    private void tellQueue(CallerLeft left) {
        try {
            queue.callerLeft(left);
        } catch (RuntimeException e) {
            log.warn("IVR {}: could not tell the queue the caller left: {}", left.uniqueId(), e.toString());
        }
    }
}
