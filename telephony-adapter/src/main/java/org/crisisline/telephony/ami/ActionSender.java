package org.crisisline.telephony.ami;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.crisisline.telephony.TelephonyException;
import org.crisisline.telephony.TelephonyException.Code;

/**
 * Sends one AMI action over the link's current connection and turns the reply into a Vert.x future.
 *
 * <p>Threading: callable from any thread. The socket write happens on the link's own I/O thread
 * ({@code executor}), never on an event loop; asterisk-java's reply callback (on its reader thread)
 * only hands the reply over. The future completes on the caller's context: with the response, or
 * with a {@link TelephonyException} — {@code REJECTED} for {@code Response: Error} (Asterisk's
 * message), {@code TIMEOUT} after {@code timeout} (asterisk-java's callback API has none), or
 * {@code LINK_DOWN} when there is no logged-in connection.
 */
final class ActionSender {
    private final Vertx vertx;
    private final Executor executor;
    private final Supplier<ManagerConnection> connection;

    ActionSender(Vertx vertx, Executor executor, Supplier<ManagerConnection> connection) {
        this.vertx = vertx;
        this.executor = executor;
        this.connection = connection;
    }

    Future<ManagerResponse> send(ManagerAction action, Duration timeout) {
        Context caller = vertx.getOrCreateContext();
        Promise<ManagerResponse> promise = Promise.promise();
        ManagerConnection current = connection.get();
        String name = action.getAction();
        if (current == null) {
            return Future.failedFuture(new TelephonyException(Code.LINK_DOWN, name + ": the PBX link is down"));
        }
        long timer = caller.owner().setTimer(timeout.toMillis(), id -> promise.tryFail(
                new TelephonyException(Code.TIMEOUT, name + ": no reply within " + timeout.toMillis() + " ms")));
        try {
            executor.execute(() -> write(current, action, caller, promise));
        } catch (RejectedExecutionException e) {
            promise.tryFail(new TelephonyException(Code.LINK_DOWN, name + ": the PBX link is stopped", e));
        }
        return promise.future().onComplete(done -> caller.owner().cancelTimer(timer));
    }

    private static void write(ManagerConnection current, ManagerAction action, Context caller,
                              Promise<ManagerResponse> promise) {
        try {
            current.sendAction(action, response -> caller.runOnContext(v -> complete(action, response, promise)));
        } catch (Exception e) {
            // IOException (socket gone) or IllegalStateException (not connected): either way no link.
            caller.runOnContext(v -> promise.tryFail(new TelephonyException(Code.LINK_DOWN,
                    action.getAction() + ": could not be sent: " + e.getMessage(), e)));
        }
    }

    private static void complete(ManagerAction action, ManagerResponse response, Promise<ManagerResponse> promise) {
        if (response == null) {
            // asterisk-java answers the callbacks of a connection it closed with no response at all.
            promise.tryFail(new TelephonyException(Code.LINK_DOWN, action.getAction() + ": the connection closed"));
        } else if (response instanceof ManagerError || "Error".equalsIgnoreCase(response.getResponse())) {
            promise.tryFail(new TelephonyException(Code.REJECTED,
                    action.getAction() + " rejected by Asterisk: " + response.getMessage()));
        } else {
            promise.tryComplete(response);
        }
    }
}
