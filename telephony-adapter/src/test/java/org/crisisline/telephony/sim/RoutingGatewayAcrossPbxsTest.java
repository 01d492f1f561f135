package org.crisisline.telephony.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crisisline.telephony.PbxGateway;
import org.crisisline.telephony.ami.AmiLinks;
import org.crisisline.telephony.ami.AmiOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two PBXs behind one server: routing's gateway acts on the routed PBX but lists every PBX's channels, so a
 * caller holding on the other PBX is never taken for gone; a PBX that cannot be asked fails the listing.
 */
@DisplayName("the routing gateway across two PBXs")
class RoutingGatewayAcrossPbxsTest {
    private static final String SECRET = "two-pbx-secret-0123";

    private final Vertx vertx = Vertx.vertx();
    private final List<FakeFastAgiServer> agis = new ArrayList<>();
    private final List<SimulatedPbx> pbxs = new ArrayList<>();
    private AmiLinks links;

    @AfterEach
    void stop() throws Exception {
        if (links != null) {
            links.stop().await(10, TimeUnit.SECONDS);
        }
        for (SimulatedPbx pbx : pbxs) {
            pbx.stop().await(10, TimeUnit.SECONDS);
        }
        for (FakeFastAgiServer agi : agis) {
            agi.close();
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("lists the callers holding on both PBXs; the routed PBX's own gateway lists only its own; one PBX gone fails the listing")
    void listsEveryPbx() throws Exception {
        // Each PBX with a systemname of its own, as several Asterisks behind one Crisisline must be configured.
        SimulatedPbx a = pbx("pbx-a", "08001234567");
        SimulatedPbx b = pbx("pbx-b", "08007654321");
        links = AmiLinks.create(vertx, List.of(options("pbx-a", a), options("pbx-b", b)), Clock.systemUTC());
        links.start().await(10, TimeUnit.SECONDS);
        String onA = a.placeCall("crisis", "no-danger-keep-waiting").await(5, TimeUnit.SECONDS);
        String onB = b.placeCall("crisis", "no-danger-keep-waiting").await(5, TimeUnit.SECONDS);
        PbxGateway routing = links.routingGateway("pbx-a").orElseThrow();

        Map<String, String> everywhere = until(routing, onA, onB);

        assertThat(everywhere.values()).contains(onA, onB);
        assertThat(links.gateway("pbx-a").orElseThrow().liveChannels().await(10, TimeUnit.SECONDS).values())
                .contains(onA).doesNotContain(onB);
        b.stop().await(10, TimeUnit.SECONDS);
        pbxs.remove(b);
        Future<Map<String, String>> halfAnswer = routing.liveChannels();
        assertThat(halfAnswer.transform(done -> Future.succeededFuture(done.failed()))
                .await(15, TimeUnit.SECONDS)).isTrue();
    }

    /** Asks until both links are logged in and both callers are up (the links log in on their own threads). */
    private static Map<String, String> until(PbxGateway routing, String... channels) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            Future<Map<String, String>> listed = routing.liveChannels();
            Map<String, String> answer = listed.transform(done -> Future.succeededFuture(
                    done.succeeded() ? done.result() : Map.<String, String>of())).await(10, TimeUnit.SECONDS);
            if (answer.values().containsAll(List.of(channels)) || System.nanoTime() > deadline) {
                return answer;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** A PBX with its own systemname (so its Uniqueids) and its own crisis line number (so its channel names). */
    private SimulatedPbx pbx(String systemName, String did) throws Exception {
        FakeFastAgiServer agi = new FakeFastAgiServer(List.of("ANSWER", "GET DATA hello 5000 1",
                "SET VARIABLE TRIAGE_ROUTE hold"));
        agis.add(agi);
        SimulatedPbx pbx = SimulatedPbx.start(vertx, SimulatedPbxOptions.fromJson(new JsonObject()
                .put("ami-port", 0).put("ami-username", "crisisline").put("ami-secret", SECRET)
                .put("agi-port", agi.port())
                .put("lines", new JsonArray().add(new JsonObject().put("name", "crisis").put("did", did)
                        .put("calls-per-hour", 0)))
                .put("operative-endpoints", new JsonArray(List.of("op1")))
                .put("caller-patience", "1h").put("talk-time", "1h").put("fallback-agents", 0)
                .put("withheld-number-probability", 0.0).put("system-name", systemName))).await(10, TimeUnit.SECONDS);
        pbxs.add(pbx);
        return pbx;
    }

    private static AmiOptions options(String name, SimulatedPbx pbx) {
        return AmiOptions.fromJson(new JsonObject().put("pbx", name).put("host", "127.0.0.1")
                .put("port", pbx.amiPort()).put("username", "crisisline").put("secret", SECRET));
    }
}
