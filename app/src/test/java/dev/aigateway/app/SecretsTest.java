package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.fakemistral.FakeReply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provider key never shows: not in any log line at any level, not in answers, not in redirected requests. */
class SecretsTest {
    private static final String KEY = "sk-secret-f00dfacecafe1234beefdead";
    private static final String KEY_TAIL = KEY.substring(KEY.length() - 8);
    private static final String HELLO = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringWriter text = new StringWriter();
            text.append(formatter.format(record)).append(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(String.valueOf(parameter));
                }
            }
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            synchronized (logged) {
                logged.add(text.toString());
            }
        }

        @Override
        public void flush() { }

        @Override
        public void close() { }
    };
    private Level rootLevel;

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY);

    @BeforeEach
    void start() {
        // After the start: the first Helidon server in a JVM resets JUL, which drops handlers added before it.
        Logger root = LogManager.getLogManager().getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger root = LogManager.getLogManager().getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
    }

    @Test
    void noLogLineAtAnyLevelCarriesTheKey() throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(fixture.http().post("/v1/chat/completions", HELLO.replace("{", "{\"user\":\"u\",\"store\":true,")));
        answers.add(fixture.http().post("/v1/chat/completions", HELLO.replace("{", "{\"stream\":true,")));
        answers.add(fixture.http().post("/v1/embeddings", "{\"model\":\"e\",\"input\":[\"a\"]}"));
        fixture.mistral().enqueue(FakeReply.error(401, "{\"message\":\"Unauthorized\"}"));
        answers.add(fixture.http().post("/v1/chat/completions", HELLO));
        fixture.mistral().enqueue(FakeReply.error(422, "{\"detail\":[{\"loc\":[\"body\",\"x\"],\"msg\":\"Extra inputs\"}]}"));
        answers.add(fixture.http().post("/v1/chat/completions", HELLO));
        fixture.mistral().enqueue(new FakeReply.Reset("a b c", 1));
        answers.add(fixture.http().post("/v1/chat/completions", HELLO.replace("{", "{\"stream\":true,")));
        answers.add(fixture.http().post("/v1/chat/completions", "{broken"));
        answers.add(fixture.http().get("/v1/models"));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200, 502, 422, 200, 400,
                200);
        assertThat(fixture.mistral().requests()).allSatisfy(r -> assertThat(r.header("authorization"))
                .contains("Bearer " + KEY));
        assertThat(logged).as("the capture saw the gateway's fine-grained logging").isNotEmpty();
        assertThat(String.join("\n", logged)).doesNotContain(KEY_TAIL);
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.body()).doesNotContain(KEY_TAIL);
            assertThat(answer.headers().map().toString()).doesNotContain(KEY_TAIL);
        }
    }

    @Test
    void aClientCannotRedirectWhereTheGatewayConnects() throws Exception {
        HttpResponse<String> answer = fixture.http().post("/v1/chat/completions", HELLO.replace("{",
                        "{\"api_base\":\"http://evil.example\",\"base_url\":\"http://evil.example\","),
                "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "http");
        String absoluteForm = RawHttp.exchange(fixture.port(), "POST http://evil.example/v1/chat/completions HTTP/1.1"
                + "\r\nHost: evil.example\r\nContent-Type: application/json\r\nContent-Length: " + HELLO.length()
                + "\r\nConnection: close\r\n\r\n" + HELLO);

        assertThat(fixture.mistral().requests()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.path()).isEqualTo("/v1/chat/completions");
            assertThat(request.header("host")).hasValueSatisfying(host -> assertThat(host).startsWith("127.0.0.1"));
        });
        assertThat(answer.statusCode()).isIn(200, 422);
        assertThat(absoluteForm).doesNotContain(KEY_TAIL);
    }
}
