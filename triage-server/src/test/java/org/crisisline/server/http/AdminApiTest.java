package org.crisisline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.crisisline.server.auth.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AdminApiTest {
    private ApiServer server;
    private Browser admin;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        server = ApiServer.start(vertx);
        admin = server.signedIn("admin");
    }

    @Test
    @DisplayName("Every section reads back as saved, at version 1 from start-up")
    void sections() throws Exception {
        for (String section : new String[] {"lines", "tiers", "rota", "cmht", "cafes", "operatives"}) {
            HttpResponse<Buffer> response = admin.get("/api/admin/" + section);
            assertThat(response.statusCode()).as(section).isEqualTo(200);
            assertThat(response.bodyAsJsonObject().getLong("version")).isEqualTo(1);
        }
        assertThat(admin.get("/api/admin/tiers").bodyAsJsonObject().getJsonArray("items")).hasSize(4);
    }

    @Test
    @DisplayName("A new CMHT directory replaces the old one at once: operatives' look-ups use it, and the save is audited")
    void replaceCmht() throws Exception {
        JsonArray teams = admin.get("/api/admin/cmht").bodyAsJsonObject().getJsonArray("items");
        teams.getJsonObject(0).put("districts", new JsonArray().add("M1"));
        HttpResponse<Buffer> saved = admin.putJson("/api/admin/cmht", new JsonObject().put("version", 1).put("items", teams));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.bodyAsJsonObject().getLong("version")).isEqualTo(2);
        assertThat(saved.bodyAsJsonObject().getString("savedBy")).isEqualTo("admin");

        Browser op1 = server.signedIn("op1");
        assertThat(op1.get("/api/cmht?postcode=M1%201AA").statusCode()).isEqualTo(200);
        assertThat(op1.get("/api/cmht?postcode=LS6").statusCode()).isEqualTo(404);
        assertThat(server.auditRecords()).extracting(r -> r.entry().action() + " " + r.entry().outcome())
                .contains("config.cmht.replace SUCCEEDED");
    }

    @Test
    @DisplayName("An invalid section is refused whole: a district claimed twice is a 422 naming it, and nothing changes")
    void invalidRefusedWhole() throws Exception {
        JsonArray teams = admin.get("/api/admin/cmht").bodyAsJsonObject().getJsonArray("items");
        JsonObject twin = teams.getJsonObject(0).copy().put("id", "twin").put("gpPractices", new JsonArray());
        teams.add(twin);
        HttpResponse<Buffer> refused = admin.putJson("/api/admin/cmht", new JsonObject().put("version", 1).put("items", teams));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.bodyAsJsonObject().getString("message")).contains("LS");
        assertThat(admin.get("/api/admin/cmht").bodyAsJsonObject().getLong("version")).isEqualTo(1);
        assertThat(server.auditRecords()).extracting(r -> r.entry().action() + " " + r.entry().outcome())
                .contains("config.cmht.replace DENIED");

        JsonArray cafes = admin.get("/api/admin/cafes").bodyAsJsonObject().getJsonArray("items");
        cafes.getJsonObject(0).put("capacityPerEvening", 0);
        assertThat(admin.putJson("/api/admin/cafes", new JsonObject().put("version", 1).put("items", cafes))
                .statusCode()).isEqualTo(400);
        JsonArray tiers = admin.get("/api/admin/tiers").bodyAsJsonObject().getJsonArray("items");
        tiers.getJsonObject(0).put("callbackOfferAboveSeconds", 60);
        assertThat(admin.putJson("/api/admin/tiers", new JsonObject().put("version", 1).put("items", tiers))
                .bodyAsJsonObject().getString("message")).contains("never offered a callback");
        JsonArray lines = new JsonArray().add(new JsonObject().put("line", "SUPPORT").put("did", "+441130000009")
                .put("name", "Support").put("enabled", true));
        assertThat(admin.putJson("/api/admin/lines", new JsonObject().put("version", 1).put("items", lines))
                .statusCode()).isEqualTo(422);
        assertThat(admin.get("/api/admin/lines").bodyAsJsonObject().getJsonArray("items")).hasSize(3);
    }

    @Test
    @DisplayName("Saving from a stale version is a 409; the rota goes to the queue and sets callback slot capacity")
    void versionsAndRota() throws Exception {
        JsonArray rota = new JsonArray().add(new JsonObject().put("start", "2026-11-27T18:00:00Z")
                .put("end", "2026-11-28T02:00:00Z").put("operatives", 6));
        assertThat(admin.putJson("/api/admin/rota", new JsonObject().put("version", 1).put("items", rota))
                .statusCode()).isEqualTo(200);
        assertThat(server.config.rota().operativesAt(server.clock.instant())).isEqualTo(6);
        assertThat(ApiServer.await(io.vertx.core.Future.fromCompletionStage(server.queue.offerSlots()))).isNotEmpty();
        HttpResponse<Buffer> stale = admin.putJson("/api/admin/rota", new JsonObject().put("version", 1).put("items", rota));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.bodyAsJsonObject().getString("error")).isEqualTo("version-conflict");
    }

    @Test
    @DisplayName("The PBX view lists each link's health")
    void pbx() throws Exception {
        JsonObject links = admin.get("/api/admin/pbx").bodyAsJsonObject();
        assertThat(links.getJsonArray("links").getJsonObject(0).getString("state")).isEqualTo("UP");
    }
}
