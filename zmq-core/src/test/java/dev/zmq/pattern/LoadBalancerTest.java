package dev.zmq.pattern;

import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoadBalancerTest {

    @Test
    void roundRobinSkipsDetachedPeersAndTakesEveryOtherInTurn() {
        LoadBalancer lb = new LoadBalancer();
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Peer p = new Peer("inproc://p" + i, 100, 100);
            peers.add(p);
            lb.attach(p);
            lb.attach(p);
        }
        lb.detach(peers.get(1));
        lb.detach(peers.get(1));
        for (int i = 0; i < 8; i++) {
            assertThat(lb.send(ZmqMessage.of("m" + i))).isNotSameAs(peers.get(1));
        }
        assertThat(peers).extracting(p -> p.out().depth()).containsExactly(2, 0, 2, 2, 2);
        assertThat(lb.peers()).hasSize(4).doesNotContain(peers.get(1));
    }

    @Test
    void aFullPeerIsSkippedAndNoRoomMeansNull() {
        LoadBalancer lb = new LoadBalancer();
        Peer small = new Peer("inproc://small", 1, 1);
        Peer big = new Peer("inproc://big", 3, 3);
        lb.attach(small);
        lb.attach(big);
        List<Peer> chosen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            chosen.add(lb.send(ZmqMessage.of("m" + i)));
        }
        assertThat(chosen).containsExactly(small, big, big, big);
        assertThat(lb.send(ZmqMessage.of("full"))).isNull();
        assertThat(lb.hasRoom()).isFalse();
    }
}
