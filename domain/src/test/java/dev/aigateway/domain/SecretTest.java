package dev.aigateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.domain.route.UpstreamTarget;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretTest {
    private static final String KEY = "sk-live-9f8e7d6c5b4a";

    @Test
    void neverShowsItsValueInToString() {
        assertThat(Secret.of(KEY).toString()).doesNotContain(KEY).doesNotContain(KEY.substring(KEY.length() - 8));
    }

    @Test
    void staysHiddenInsideTheRecordsThatHoldIt() {
        UpstreamTarget target = new UpstreamTarget("mistral", Optional.empty(), Optional.empty(),
                Optional.of(new UpstreamAuth.Header("Authorization", Secret.of("Bearer " + KEY))));

        assertThat(target.toString()).doesNotContain(KEY.substring(KEY.length() - 8));
    }

    @Test
    void revealsItsValueOnlyWhenAsked() {
        assertThat(Secret.of(KEY).reveal()).isEqualTo(KEY);
        assertThat(Secret.of(KEY)).isEqualTo(Secret.of(KEY));
    }
}
