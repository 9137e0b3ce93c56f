package dev.ordo.api.hostile;

import static dev.ordo.api.hostile.HostileCase.Expectation.HEADERS_TOO_LARGE;
import static dev.ordo.api.hostile.HostileCase.Expectation.PAYLOAD_TOO_LARGE;
import static dev.ordo.api.hostile.HostileCase.Expectation.REFUSED;
import static dev.ordo.api.hostile.HostileCase.Expectation.SURVIVED;
import static dev.ordo.api.hostile.HostileCase.Expectation.URI_TOO_LONG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import dev.ordo.api.hostile.HostileClient.Answer;
import dev.ordo.contract.wire.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The survey's findings that Tomcat answered itself, with its HTML page, or that failed before any
 * route: now each is JSON with a {@code detail}, at 400, 413, 414 or 431, and never a 5xx, on API
 * routes, the actuator and unknown paths alike.
 */
@ApiTest
class TomcatAnswersApiTest {

    private static final List<String> ANY_PATH = List.of("/api/workflows/", "/api/workspaces", "/actuator/health",
            "/actuator/prometheus", "/no/such/route", "/");

    @LocalServerPort
    int port;

    private HostileClient client;
    private TestWorkspace workspace;

    @BeforeEach
    void client() {
        client = new HostileClient(port);
        workspace = TestWorkspace.create(new HttpApi(port));
    }

    @Test
    void encoded_slash_backslash_and_nul_in_a_path_are_a_json_400() {
        for (String junk : List.of("%2F", "%00", "%5C", "..%2f", "%2F..%2F..%2Fetc%2Fpasswd")) {
            Answer answer = send(HostileCase.of("path " + junk, "GET", "/api/workflows/" + junk, REFUSED));

            assertThat(answer.status()).as(junk).isEqualTo(400);
            assertThat(detail(answer)).as(junk).asString().startsWith("Bad request: the request line, a header or");
        }
    }

    @Test
    void a_url_over_8_kb_is_a_json_414_and_headers_over_8_kb_a_json_431() {
        Answer longUrl = send(HostileCase.of("long URL", "GET", "/api/workflows/?skip=" + "1".repeat(9_000), URI_TOO_LONG));
        Answer longHeader = send(HostileCase.of("long header", "GET", "/api/workflows/", HEADERS_TOO_LARGE)
                .withHeader("X-Padding", "h".repeat(9_000)));
        Answer manyHeaders = send(manyHeaders(20, 500, HEADERS_TOO_LARGE));
        Answer tooManyHeaders = send(manyHeaders(200, 10, REFUSED));

        assertThat(longUrl.status()).isEqualTo(414);
        assertThat(detail(longUrl)).asString().startsWith("The request line is too long");
        assertThat(longHeader.status()).isEqualTo(431);
        assertThat(detail(longHeader)).asString().startsWith("The request headers are too large: at most 8192 bytes");
        assertThat(manyHeaders.status()).isEqualTo(431);
        assertThat(tooManyHeaders.status()).isEqualTo(400);
    }

    @Test
    void control_characters_in_a_header_are_a_json_400() {
        for (String value : List.of("a\u0001b", "a\u0007b", "a\u007fb", "a\u001bb")) {
            send(HostileCase.of("control character", "GET", "/api/workflows/", REFUSED).withHeader("X-Junk", value)
                    .overRawSocket());
        }
        Answer inTheSlug = send(HostileCase.of("control character in the workspace header", "GET", "/api/workflows/",
                REFUSED).withHeader("X-Workspace-Slug", "t\u0002x").overRawSocket());
        assertThat(inTheSlug.status()).isEqualTo(400);
    }

    @Test
    void junk_in_the_workspace_header_is_a_json_4xx() {
        for (String slug : List.of("'; DROP TABLE api.workspaces; --", "../../etc", "s".repeat(5_000), "%00",
                "caf\u00e9")) {
            send(HostileCase.of("workspace slug " + slug, "GET", "/api/workflows/", REFUSED)
                    .withHeader("X-Workspace-Slug", slug).overRawSocket());
        }
    }

    @Test
    void a_broken_multipart_body_is_never_a_5xx_on_any_route_the_actuator_or_an_unknown_path() {
        for (String path : ANY_PATH) {
            for (String method : List.of("GET", "POST", "PATCH")) {
                send(HostileCase.of("multipart without a boundary", method, path, SURVIVED)
                        .withBody("multipart/form-data", "--x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
                send(HostileCase.of("multipart cut short", method, path, SURVIVED)
                        .withBody("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"f\""
                                .getBytes(StandardCharsets.US_ASCII)));
            }
        }
    }

    @Test
    void a_declared_50_mb_body_is_a_json_413_before_it_is_read() {
        Answer answer = send(HostileCase.of("50 MB declared", "POST", "/api/workflows/", PAYLOAD_TOO_LARGE)
                .withHeader("Content-Type", "application/json").withHeader("Content-Length", "52428800").overRawSocket());

        assertThat(detail(answer)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("size_bytes", 52_428_800).containsEntry("limit_bytes", 2 * 1024 * 1024);
    }

    @Test
    void undecodable_query_bytes_are_a_json_422_on_any_route() {
        for (String path : ANY_PATH) {
            for (String junk : List.of("%ff", "%zz", "%", "%C0%AF", "%ED%A0%80")) {
                Answer answer = send(HostileCase.of("query " + junk, "GET", path + "?skip=" + junk, REFUSED));

                assertThat(answer.status()).as(path + "?skip=" + junk).isEqualTo(422);
            }
        }
    }

    /** {@code count} headers of {@code size} characters each (Tomcat takes at most 100 headers). */
    private static HostileCase manyHeaders(int count, int size, HostileCase.Expectation expectation) {
        HostileCase hostile = HostileCase.of(count + " headers", "GET", "/api/workflows/", expectation);
        for (int i = 0; i < count; i++) {
            hostile = hostile.withHeader("X-Many-" + i, "m".repeat(size));
        }
        return hostile;
    }

    /** Sends the case and asserts it was answered as owed; returns the answer for closer checks. */
    private Answer send(HostileCase hostile) {
        HostileCase scoped = hostile.withHeader("X-Workspace-Slug", hostile.headers().getOrDefault("X-Workspace-Slug",
                workspace.slug()));
        Answer answer = client.send(scoped);
        assertThat(HostileAnswers.shortfall(scoped, answer)).as(scoped.toString()).isEmpty();
        return answer;
    }

    private static Object detail(Answer answer) {
        return ((Map<?, ?>) JsonCodec.instance().decode(answer.body(), Object.class)).get("detail");
    }

}
