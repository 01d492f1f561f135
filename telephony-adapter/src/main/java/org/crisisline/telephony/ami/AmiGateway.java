package org.crisisline.telephony.ami;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.crisisline.telephony.OriginateRequest;
import org.crisisline.telephony.PbxGateway;
import org.crisisline.telephony.TelephonyException;
import org.crisisline.telephony.TelephonyException.Code;
import org.crisisline.telephony.event.OriginateResult;
import org.crisisline.telephony.event.RedirectDone;
import org.crisisline.telephony.event.TelephonyEvent;

/**
 * {@link PbxGateway} over AMI: builds the asterisk-java action, sends it with {@link ActionSender}
 * (each with the action timeout) and reads the reply. Originates wait for their OriginateResponse in
 * {@link OriginateTracker}. Callable from any thread.
 */
final class AmiGateway implements PbxGateway {
    private final Vertx vertx;
    private final AmiOptions options;
    private final Clock clock;
    private final ActionSender sender;
    private final OriginateTracker originates;
    private final Consumer<TelephonyEvent> publisher;
    private final Supplier<Future<List<LiveChannel>>> channels;
    private final AtomicLong requests = new AtomicLong();

    AmiGateway(Vertx vertx, AmiOptions options, Clock clock, ActionSender sender, OriginateTracker originates,
               Consumer<TelephonyEvent> publisher, Supplier<Future<List<LiveChannel>>> channels) {
        this.vertx = vertx;
        this.options = options;
        this.clock = clock;
        this.sender = sender;
        this.originates = originates;
        this.publisher = publisher;
        this.channels = channels;
    }

    @Override
    public Future<Map<String, String>> liveChannels() {
        return channels.get().map(live -> {
            Map<String, String> byUniqueid = new LinkedHashMap<>();
            live.forEach(channel -> byUniqueid.put(channel.uniqueid(), channel.channel()));
            return byUniqueid;
        });
    }

    @Override
    public Future<RedirectDone> redirect(String channel, String context, String exten) {
        return send(new RedirectAction(channel, context, exten, 1))
                .map(v -> new RedirectDone(options.pbx(), clock.instant(), channel, context, exten))
                .onSuccess(publisher::accept);
    }

    @Override
    public Future<OriginateResult> originate(OriginateRequest request) {
        String requestId = options.pbx() + "-originate-" + requests.incrementAndGet();
        OriginateAction action = new OriginateAction();
        action.setActionId(requestId);
        action.setChannel(request.channel());
        action.setContext(request.context());
        action.setExten(request.exten());
        action.setPriority(1);
        action.setAsync(true);
        action.setTimeout(options.ringTimeout().toMillis());
        request.callerId().ifPresent(action::setCallerId);
        if (!request.variables().isEmpty()) {
            action.setVariables(request.variables());
        }
        Context caller = vertx.getOrCreateContext();
        Promise<OriginateResult> result = Promise.promise();
        originates.expect(requestId, caller, result);
        long timer = caller.owner().setTimer(options.originateTimeout().toMillis(), id -> result.tryFail(
                new TelephonyException(Code.TIMEOUT, "Originate " + requestId + ": no OriginateResponse within "
                        + options.originateTimeout().toMillis() + " ms")));
        sender.send(action, options.actionTimeout()).onFailure(result::tryFail);
        return result.future().onComplete(done -> caller.owner().cancelTimer(timer));
    }

    @Override
    public Future<Void> hangup(String channel, int cause) {
        return send(new HangupAction(channel, cause));
    }

    @Override
    public Future<Void> setChannelVariable(String channel, String name, String value) {
        return send(new SetVarAction(channel, name, value));
    }

    @Override
    public Future<Void> setGlobalVariable(String name, String value) {
        return send(new SetVarAction(name, value));
    }

    private Future<Void> send(ManagerAction action) {
        return sender.send(action, options.actionTimeout()).mapEmpty();
    }
}
