package dev.zmq.io;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** RECONNECT_IVL doubling up to RECONNECT_IVL_MAX, the longer backoff after a refusal, and the reset on success. */
class ReconnectBackoffTest {

    private static final long MS = 1_000_000L;

    @Test
    void withoutAMaximumEveryWaitIsTheInterval() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofMillis(100), Duration.ZERO);
        assertThat(b.nextDelayNanos()).isEqualTo(100 * MS);
        assertThat(b.nextDelayNanos()).isEqualTo(100 * MS);
        assertThat(b.nextDelayNanos()).isEqualTo(100 * MS);
    }

    @Test
    void doublesUpToTheMaximumAndResetsAfterAHandshake() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(500));
        assertThat(b.nextDelayNanos()).isEqualTo(100 * MS);
        assertThat(b.nextDelayNanos()).isEqualTo(200 * MS);
        assertThat(b.nextDelayNanos()).isEqualTo(400 * MS);
        assertThat(b.nextDelayNanos()).isEqualTo(500 * MS);
        assertThat(b.nextDelayNanos()).isEqualTo(500 * MS);
        b.reset();
        assertThat(b.nextDelayNanos()).isEqualTo(100 * MS);
    }

    @Test
    void aRefusedPeerIsRetriedLessAndLessOftenUpToThirtySecondsEvenWithoutAMaximum() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ZERO);
        long[] waits = new long[8];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = b.nextDelayAfterRefusalNanos();
        }
        assertThat(waits).containsExactly(1_000 * MS, 2_000 * MS, 4_000 * MS, 8_000 * MS, 16_000 * MS, 30_000 * MS,
                30_000 * MS, 30_000 * MS);
    }

    @Test
    void aMaximumAboveThirtySecondsAlsoBoundsRefusals() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofSeconds(40), Duration.ofSeconds(60));
        assertThat(b.nextDelayAfterRefusalNanos()).isEqualTo(40_000 * MS);
        assertThat(b.nextDelayAfterRefusalNanos()).isEqualTo(60_000 * MS);
    }

    @Test
    void aZeroIntervalStillWaitsANanosecond() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ZERO, Duration.ZERO);
        assertThat(b.nextDelayNanos()).isEqualTo(1);
    }
}
