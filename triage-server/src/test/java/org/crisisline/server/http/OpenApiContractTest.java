package org.crisisline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.crisisline.server.auth.Role;
import org.crisisline.server.auth.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

/**
 * The server against its contract, {@code openapi.yaml}: the router has exactly the documented operations,
 * each admits the documented roles ({@code x-roles}), and every operation answers each kind of caller
 * (anonymous, operative, lead, admin) with a status the document lists: 401 anonymous and 403 for a role not
 * admitted on guarded operations, never 401/403-forbidden for an admitted role; and every JSON answer
 * matches the documented schema for its status (checked with {@code vertx-openapi}). Partner operations
 * ({@code x-auth: partner-bearer}) take a team's bearer token instead of a session: every browser, signed in
 * or not, gets 401 there, and the partner's token gets through.
 */
@ExtendWith(VertxExtension.class)
class OpenApiContractTest {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final Map<String, Role> PEOPLE = new LinkedHashMap<>();

    static {
        PEOPLE.put("op1", Role.OPERATIVE);
        PEOPLE.put("lead", Role.CLINICAL_LEAD);
        PEOPLE.put("admin", Role.ADMIN);
    }

    private ApiServer server;
    private List<Operation> documented;
    private ResponseValidator validator;

    /** {@code partnerBearer}: the operation takes a partner's bearer token ({@code x-auth: partner-bearer}), never a session. */
    record Operation(String id, HttpMethod method, String path, Set<Role> roles, Set<Integer> statuses,
                     boolean partnerBearer) {
        String key() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        server = ApiServer.start(vertx);
        documented = read(OpenApiRoute.load());
        OpenAPIContract contract = ApiServer.await(OpenAPIContract.from(vertx, jsonOnly(OpenApiRoute.load())));
        validator = ResponseValidator.create(vertx, contract);
    }

    @Test
    @DisplayName("The document is served at /api/openapi.yaml to anyone")
    void served() throws Exception {
        HttpResponse<Buffer> response = server.anonymous().get(OpenApiRoute.PATH);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo(OpenApiRoute.load());
    }

    @Test
    @DisplayName("Every route the router serves is documented with the roles it admits, and every documented operation is routed")
    void routesMatchTheDocument() {
        Map<String, Set<Role>> routed = server.api.routes().stream()
                .collect(Collectors.toMap(e -> e.method() + " " + e.openApiPath(), RouteTable.Entry::roles));
        Map<String, Set<Role>> inDocument = documented.stream()
                .collect(Collectors.toMap(Operation::key, Operation::roles));
        assertThat(routed).isEqualTo(inDocument);

        Set<String> inRouter = new TreeSet<>();
        for (Route route : server.api.router().getRoutes()) {
            if (route.getPath() == null || route.getPath().endsWith("/") || route.methods() == null) {
                continue;
            }
            route.methods().forEach(m -> inRouter.add(m + " " + route.getPath().replaceAll(":([A-Za-z]+)", "{$1}")));
        }
        assertThat(inDocument.keySet()).containsAll(inRouter);
    }

    @Test
    @DisplayName("Each operation answers anonymous, operative, lead and admin with a documented status: 401/403 as x-roles says")
    void roleMatrix() throws Exception {
        Map<String, Browser> browsers = new LinkedHashMap<>();
        browsers.put("anonymous", server.anonymous());
        for (String username : PEOPLE.keySet()) {
            browsers.put(username, server.signedIn(username));
        }
        List<Operation> ordered = new ArrayList<>(documented);
        ordered.sort(Comparator.comparing(op -> op.path().equals("/api/logout")));
        SoftAssertions soft = new SoftAssertions();
        for (Operation op : ordered) {
            for (Map.Entry<String, Browser> who : browsers.entrySet()) {
                Role role = PEOPLE.get(who.getKey());
                boolean admitted = op.roles().isEmpty() || (role != null && op.roles().contains(role));
                if (admitted && op.path().equals("/api/lead/stream")) {
                    continue; // an endless stream; LeadApiTest reads it
                }
                HttpResponse<Buffer> response = call(who.getValue(), op);
                int status = response.statusCode();
                String cell = op.key() + " as " + who.getKey();
                soft.assertThat(op.statuses()).as(cell + " answered " + status + " " + response.bodyAsString())
                        .contains(status);
                soft.assertThat(schemaProblem(op, response)).as(cell + " body against the schema").isEmpty();
                if (op.partnerBearer()) {
                    soft.assertThat(status).as(cell + ": a session is no credential here").isEqualTo(401);
                    continue;
                }
                if (op.roles().isEmpty()) {
                    continue;
                }
                if (role == null) {
                    soft.assertThat(status).as(cell).isEqualTo(401);
                } else if (!admitted) {
                    soft.assertThat(status).as(cell).isEqualTo(403);
                } else {
                    soft.assertThat(status).as(cell).isNotEqualTo(401);
                    if (status == 403) {
                        soft.assertThat(response.bodyAsJsonObject().getString("error")).as(cell).isNotEqualTo("forbidden");
                    }
                }
            }
        }
        soft.assertAll();
    }

    @Test
    @DisplayName("Each partner operation admits its partner's bearer token (a documented, schema-valid answer, not 401)")
    void partnerOperationsAdmitTheirBearerToken() throws Exception {
        List<Operation> partner = documented.stream().filter(Operation::partnerBearer).toList();
        assertThat(partner).isNotEmpty();
        WebClient client = WebClient.create(server.vertx);
        SoftAssertions soft = new SoftAssertions();
        for (Operation op : partner) {
            HttpResponse<Buffer> response = ApiServer.await(client
                    .request(op.method(), server.port, "localhost", op.path().replace("{id}", "ref-unknown"))
                    .putHeader("Authorization", "Bearer " + ApiServer.LEEDS_WEST_TOKEN)
                    .sendJsonObject(new JsonObject().put("status", "acknowledged")));
            soft.assertThat(response.statusCode()).as(op.key()).isNotEqualTo(401).isIn(op.statuses());
            soft.assertThat(schemaProblem(op, response)).as(op.key() + " body against the schema").isEmpty();
        }
        client.close();
        soft.assertAll();
    }

    /** Empty when a JSON answer matches the documented schema for its status (other media types are not checked). */
    private String schemaProblem(Operation op, HttpResponse<Buffer> response) throws Exception {
        String type = response.getHeader("Content-Type");
        if (type == null || !type.startsWith("application/json") || !op.statuses().contains(response.statusCode())) {
            return "";
        }
        ValidatableResponse answer = ValidatableResponse.create(response.statusCode(), response.body(),
                "application/json");
        return validator.validate(answer, op.id()).map(valid -> "")
                .otherwise(failure -> String.valueOf(failure.getMessage()))
                .toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static HttpResponse<Buffer> call(Browser browser, Operation op) throws Exception {
        String path = op.path().replace("{id}", "call-1");
        boolean hasBody = op.method() == HttpMethod.POST || op.method() == HttpMethod.PUT;
        return browser.send(op.method(), path, hasBody ? "application/json" : null, hasBody ? "{}" : null);
    }

    /**
     * The document for {@code vertx-openapi}, which cannot load the YAML, event-stream and Prometheus text
     * answers: those media types are dropped, so the JSON answers are the ones checked.
     */
    private static JsonObject jsonOnly(String yaml) {
        JsonObject document = new JsonObject(Json.encode(new Yaml().load(yaml)));
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (String method : METHODS) {
                JsonObject operation = paths.getJsonObject(path).getJsonObject(method);
                if (operation == null) {
                    continue;
                }
                JsonObject responses = operation.getJsonObject("responses");
                for (String status : responses.fieldNames()) {
                    JsonObject content = responses.getJsonObject(status).getJsonObject("content");
                    if (content != null) {
                        content.fieldNames().removeIf(type -> !type.equals("application/json"));
                    }
                }
            }
        }
        return document;
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> read(String yaml) {
        Map<String, Object> document = new Yaml().load(yaml);
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> {
            for (String method : METHODS) {
                Map<String, Object> operation = (Map<String, Object>) item.get(method);
                if (operation == null) {
                    continue;
                }
                List<String> roles = (List<String>) operation.get("x-roles");
                assertThat(roles).as("x-roles of " + method + " " + path).isNotNull();
                Set<Role> admitted = roles.stream().map(Role::valueOf).collect(Collectors.toSet());
                Set<Integer> statuses = ((Map<String, Object>) operation.get("responses")).keySet().stream()
                        .map(Integer::valueOf).collect(Collectors.toSet());
                operations.add(new Operation((String) operation.get("operationId"), HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), path,
                        Set.copyOf(admitted), statuses, "partner-bearer".equals(operation.get("x-auth"))));
            }
        });
        return operations;
    }
}
