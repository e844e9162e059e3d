package dev.zmq.pattern;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionTrieTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void matchesByPrefix() {
        SubscriptionTrie t = new SubscriptionTrie();
        t.add(b("prices."));
        assertThat(t.matches(b("prices.EUR"))).isTrue();
        assertThat(t.matches(b("prices."))).isTrue();
        assertThat(t.matches(b("prices"))).isFalse();
        assertThat(t.matches(b("news"))).isFalse();
    }

    @Test
    void emptyPrefixMatchesEverything() {
        SubscriptionTrie t = new SubscriptionTrie();
        assertThat(t.matches(b(""))).isFalse();
        t.add(new byte[0]);
        assertThat(t.matches(b(""))).isTrue();
        assertThat(t.matches(b("anything"))).isTrue();
    }

    @Test
    void countsReferences() {
        SubscriptionTrie t = new SubscriptionTrie();
        assertThat(t.add(b("A"))).isTrue();
        assertThat(t.add(b("A"))).isFalse();
        assertThat(t.remove(b("A"))).isFalse();
        assertThat(t.matches(b("A1"))).isTrue();
        assertThat(t.remove(b("A"))).isTrue();
        assertThat(t.matches(b("A1"))).isFalse();
        assertThat(t.remove(b("A"))).isFalse();
        assertThat(t.isEmpty()).isTrue();
    }

    @Test
    void listsPrefixesOnce() {
        SubscriptionTrie t = new SubscriptionTrie();
        t.add(b("ab"));
        t.add(b("ab"));
        t.add(b("a"));
        t.add(b("b"));
        assertThat(t.prefixes()).extracting(x -> new String(x, StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("a", "ab", "b");
        assertThat(t.contains(b("ab"))).isTrue();
        assertThat(t.contains(b("abc"))).isFalse();
    }
}
