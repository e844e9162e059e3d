package dev.zmq.pattern;

import dev.zmq.ErrorCode;
import dev.zmq.Frame;
import dev.zmq.SocketOption;
import dev.zmq.SocketOptions;
import dev.zmq.SocketType;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Signaler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each socket type's routing rule, driven directly through its peers' pipes (no I/O). */
class RoutingRuleTest {

    private final Signaler signaler = new Signaler();
    private final DropCounter drops = new DropCounter();

    private SocketPattern pattern(SocketType type) {
        return pattern(type, new SocketOptions());
    }

    private SocketPattern pattern(SocketType type, SocketOptions options) {
        return SocketPattern.create(type, options, signaler, drops);
    }

    private static SocketOptions options(SocketOption<Boolean> flag) {
        return new SocketOptions().set(flag, true);
    }

    private Peer peer(SocketPattern p, int hwm) {
        Peer peer = new Peer("test", hwm, hwm);
        peer.in().onReadable(signaler::wake);
        p.attach(peer);
        return peer;
    }

    private static List<String> drain(Peer peer) {
        List<String> out = new ArrayList<>();
        ZmqMessage m;
        while ((m = peer.out().poll()) != null) {
            out.add(m.first().text());
        }
        return out;
    }

    private static ZmqMessage msg(String s) {
        return ZmqMessage.of(s);
    }

    @Test
    void pushRoundRobinsAndSkipsFullPeers() {
        SocketPattern push = pattern(SocketType.PUSH);
        Peer a = peer(push, 2);
        Peer b = peer(push, 10);
        for (int i = 0; i < 6; i++) {
            assertThat(push.send(msg("m" + i))).isTrue();
        }
        assertThat(drain(a)).containsExactly("m0", "m2");
        assertThat(drain(b)).containsExactly("m1", "m3", "m4", "m5");
    }

    @Test
    void pushWithNoRoomAsksTheCallerToWait() {
        SocketPattern push = pattern(SocketType.PUSH);
        assertThat(push.send(msg("nobody"))).isFalse();
        Peer a = peer(push, 1);
        assertThat(push.send(msg("one"))).isTrue();
        assertThat(push.send(msg("two"))).isFalse();
        assertThat(drain(a)).containsExactly("one");
        assertThatThrownBy(push::recv).isInstanceOf(ZmqException.class).hasMessageContaining("cannot receive");
    }

    @Test
    void pullFairQueuesAndDrainsALeavingPeer() {
        SocketPattern pull = pattern(SocketType.PULL);
        Peer a = peer(pull, 0);
        Peer b = peer(pull, 0);
        a.in().offer(msg("a1"));
        a.in().offer(msg("a2"));
        b.in().offer(msg("b1"));
        pull.detach(a);
        List<String> got = new ArrayList<>();
        ZmqMessage m;
        while ((m = pull.recv()) != null) {
            got.add(m.first().text());
        }
        assertThat(got).containsExactly("a1", "b1", "a2");
        a.in().offer(msg("after-detach"));
        assertThat(pull.recv()).isNull();
    }

    @Test
    void pubFansOutByPrefixAndDropsAtHwm() {
        SocketPattern pub = pattern(SocketType.PUB);
        Peer a = peer(pub, 1);
        Peer b = peer(pub, 10);
        a.in().offer(ZmqMessage.of(new byte[] {1, 'x'}));
        b.in().offer(ZmqMessage.of(new byte[] {1}));
        assertThat(pub.send(msg("x1"))).isTrue();
        assertThat(pub.send(msg("x2"))).isTrue();
        assertThat(pub.send(msg("y1"))).isTrue();
        assertThat(drain(a)).containsExactly("x1");
        assertThat(drain(b)).containsExactly("x1", "x2", "y1");
        assertThat(drops.atHwm()).isEqualTo(1);
    }

    @Test
    void pubForgetsACancelledTopic() {
        SocketPattern pub = pattern(SocketType.PUB);
        Peer a = peer(pub, 10);
        a.in().offer(ZmqMessage.of(new byte[] {1, 'x'}));
        pub.send(msg("x1"));
        a.in().offer(ZmqMessage.of(new byte[] {0, 'x'}));
        pub.send(msg("x2"));
        assertThat(drain(a)).containsExactly("x1");
    }

    @Test
    void xpubPassesFirstSubscriptionAndLastCancel() {
        SocketPattern xpub = pattern(SocketType.XPUB);
        Peer a = peer(xpub, 10);
        Peer b = peer(xpub, 10);
        a.in().offer(ZmqMessage.of(new byte[] {1, 'x'}));
        b.in().offer(ZmqMessage.of(new byte[] {1, 'x'}));
        assertThat(xpub.recv()).isEqualTo(ZmqMessage.of(new byte[] {1, 'x'}));
        assertThat(xpub.recv()).isNull();
        a.in().offer(ZmqMessage.of(new byte[] {0, 'x'}));
        assertThat(xpub.recv()).isNull();
        xpub.detach(b);
        assertThat(xpub.recv()).isEqualTo(ZmqMessage.of(new byte[] {0, 'x'}));
    }

    @Test
    void xpubVerbosePassesDuplicates() {
        SocketPattern xpub = pattern(SocketType.XPUB, options(SocketOption.XPUB_VERBOSE));
        Peer a = peer(xpub, 10);
        Peer b = peer(xpub, 10);
        a.in().offer(ZmqMessage.of(new byte[] {1, 'x'}));
        b.in().offer(ZmqMessage.of(new byte[] {1, 'x'}));
        assertThat(xpub.recv()).isEqualTo(ZmqMessage.of(new byte[] {1, 'x'}));
        assertThat(xpub.recv()).isEqualTo(ZmqMessage.of(new byte[] {1, 'x'}));
    }

    @Test
    void xpubNoDropRefusesInsteadOfDropping() {
        SocketPattern xpub = pattern(SocketType.XPUB, options(SocketOption.XPUB_NODROP));
        Peer a = peer(xpub, 1);
        a.in().offer(ZmqMessage.of(new byte[] {1}));
        assertThat(xpub.send(msg("one"))).isTrue();
        assertThat(xpub.send(msg("two"))).isFalse();
        assertThat(drops.atHwm()).isZero();
    }

    @Test
    void subFiltersLocallyAndResendsSubscriptionsToNewPeers() {
        SocketPattern sub = pattern(SocketType.SUB);
        Peer a = peer(sub, 10);
        sub.subscribe("x".getBytes(), true);
        sub.subscribe("x".getBytes(), true);
        assertThat(drain(a)).containsExactly("\u0001x", "\u0001x");
        a.in().offer(msg("x1"));
        a.in().offer(msg("y1"));
        a.in().offer(msg("x2"));
        assertThat(sub.recv()).isEqualTo(msg("x1"));
        assertThat(sub.recv()).isEqualTo(msg("x2"));
        assertThat(sub.recv()).isNull();
        assertThat(sub.preamble(a, true)).containsExactly(ZmqMessage.of("\u0001x"));
        sub.subscribe("x".getBytes(), false);
        assertThat(drain(a)).isEmpty();
        sub.subscribe("x".getBytes(), false);
        assertThat(drain(a)).containsExactly("\u0000x");
        assertThat(sub.preamble(a, true)).isEmpty();
        assertThatThrownBy(() -> sub.send(msg("x"))).isInstanceOf(ZmqException.class);
    }

    @Test
    void xsubForwardsSubscriptionsAndDoesNotFilter() {
        SocketPattern xsub = pattern(SocketType.XSUB);
        Peer a = peer(xsub, 10);
        xsub.send(ZmqMessage.of(new byte[] {1, 'x'}));
        xsub.send(msg("other"));
        assertThat(drain(a)).containsExactly("\u0001x", "other");
        a.in().offer(msg("y1"));
        assertThat(xsub.recv()).isEqualTo(msg("y1"));
    }

    @Test
    void pairUsesTheFirstPeerOnly() {
        SocketPattern pair = pattern(SocketType.PAIR);
        assertThat(pair.send(msg("nobody"))).isFalse();
        Peer a = peer(pair, 10);
        Peer b = peer(pair, 10);
        pair.send(msg("m"));
        b.in().offer(msg("from-b"));
        a.in().offer(msg("from-a"));
        assertThat(pair.recv()).isEqualTo(msg("from-a"));
        assertThat(pair.recv()).isNull();
        assertThat(drain(a)).containsExactly("m");
        pair.detach(a);
        pair.send(msg("n"));
        assertThat(drain(b)).containsExactly("n");
        assertThat(pair.recv()).isEqualTo(msg("from-b"));
    }

    private Peer peerWithId(SocketPattern p, String id) {
        Peer peer = new Peer("test", 10, 10);
        peer.connected("tcp://peer", id.getBytes(), "NULL", "");
        p.attach(peer);
        return peer;
    }

    private static void assertFsm(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOf(ZmqException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((ZmqException) e).code()).isEqualTo(ErrorCode.EFSM));
    }

    @Test
    void reqAlternatesStrictlyAndAcceptsOnlyTheReplyFromItsPeer() {
        SocketPattern req = pattern(SocketType.REQ);
        Peer a = peer(req, 10);
        Peer b = peer(req, 10);
        assertFsm(req::recv, "REQ must send a request before receiving");
        assertThat(req.send(msg("q1"))).isTrue();
        assertFsm(() -> req.send(msg("q2")), "REQ must receive the reply before sending another request");
        assertThat(a.out().poll()).isEqualTo(ZmqMessage.of("", "q1"));
        b.in().offer(ZmqMessage.of("", "stray"));
        a.in().offer(msg("no delimiter"));
        assertThat(req.recv()).isNull();
        a.in().offer(ZmqMessage.of("", "r1"));
        assertThat(req.recv()).isEqualTo(msg("r1"));
        assertThat(b.in().isEmpty()).isTrue();
        assertThat(req.send(msg("q2"))).isTrue();
        assertThat(b.out().poll()).isEqualTo(ZmqMessage.of("", "q2"));
    }

    @Test
    void reqRelaxedAndCorrelatedDiscardsTheStaleReply() {
        SocketPattern req = pattern(SocketType.REQ, new SocketOptions().set(SocketOption.REQ_RELAXED, true)
                .set(SocketOption.REQ_CORRELATE, true));
        Peer a = peer(req, 10);
        req.send(msg("first"));
        ZmqMessage first = a.out().poll();
        req.send(msg("second"));
        ZmqMessage second = a.out().poll();
        assertThat(first.frame(0).size()).isEqualTo(4);
        assertThat(second.frame(1).isEmpty()).isTrue();
        a.in().offer(ZmqMessage.of(first.frame(0), Frame.EMPTY, Frame.of("late reply to first")));
        a.in().offer(ZmqMessage.of(second.frame(0), Frame.EMPTY, Frame.of("reply to second")));
        assertThat(req.recv()).isEqualTo(msg("reply to second"));
    }

    @Test
    void repKeepsTheWholeEnvelopeForTheReply() {
        SocketPattern rep = pattern(SocketType.REP);
        Peer a = peer(rep, 10);
        assertFsm(() -> rep.send(msg("x")), "REP must receive a request before sending a reply");
        a.in().offer(msg("malformed, no delimiter"));
        a.in().offer(ZmqMessage.of("hop1", "hop2", "", "body", "more"));
        assertThat(rep.recv()).isEqualTo(ZmqMessage.of("body", "more"));
        assertFsm(rep::recv, "REP must send the reply before receiving the next request");
        rep.send(msg("answer"));
        assertThat(a.out().poll()).isEqualTo(ZmqMessage.of("hop1", "hop2", "", "answer"));
    }

    @Test
    void routerPrefixesTheSenderIdAndRoutesByTheFirstFrame() {
        SocketPattern router = pattern(SocketType.ROUTER);
        Peer a = peerWithId(router, "alice");
        Peer anonymous = peer(router, 10);
        a.in().offer(msg("hi"));
        assertThat(router.recv()).isEqualTo(ZmqMessage.of("alice", "hi"));
        anonymous.in().offer(msg("hello"));
        ZmqMessage fromAnonymous = router.recv();
        assertThat(fromAnonymous.frame(0).size()).isEqualTo(5);
        assertThat(fromAnonymous.frame(0).data()[0]).isZero();
        router.send(ZmqMessage.of("alice", "to alice"));
        router.send(ZmqMessage.of(fromAnonymous.frame(0), Frame.of("to anonymous")));
        router.send(ZmqMessage.of("nobody", "dropped"));
        assertThat(a.out().poll()).isEqualTo(msg("to alice"));
        assertThat(anonymous.out().poll()).isEqualTo(msg("to anonymous"));
        assertThat(drops.noRoute()).isEqualTo(1);
    }

    @Test
    void routerMandatoryReportsUnknownAndFullPeers() {
        SocketPattern router = pattern(SocketType.ROUTER, new SocketOptions().set(SocketOption.ROUTER_MANDATORY, true));
        Peer a = new Peer("test", 1, 1);
        a.connected("tcp://peer", "alice".getBytes(), "NULL", "");
        router.attach(a);
        assertThatThrownBy(() -> router.send(ZmqMessage.of("bob", "x"))).isInstanceOf(ZmqException.class)
                .hasMessage("no peer with routing id 0x626f62")
                .satisfies(e -> assertThat(((ZmqException) e).code()).isEqualTo(ErrorCode.EHOSTUNREACH));
        assertThat(router.send(ZmqMessage.of("alice", "1"))).isTrue();
        assertThat(router.send(ZmqMessage.of("alice", "2"))).isFalse();
    }

    @Test
    void routerDisconnectsADuplicateIdUnlessHandover() {
        SocketPattern router = pattern(SocketType.ROUTER);
        Peer first = peerWithId(router, "same");
        Peer second = new Peer("test", 10, 10);
        second.connected("tcp://peer", "same".getBytes(), "NULL", "");
        List<String> disconnects = new ArrayList<>();
        second.onDisconnect(disconnects::add);
        router.attach(second);
        assertThat(disconnects).containsExactly("routing id 0x73616d65 is already in use");
        router.send(ZmqMessage.of("same", "x"));
        assertThat(first.out().poll()).isEqualTo(msg("x"));
        assertThat(second.out().poll()).isNull();

        SocketPattern handover = pattern(SocketType.ROUTER, new SocketOptions().set(SocketOption.ROUTER_HANDOVER, true));
        Peer old = peerWithId(handover, "same");
        Peer taker = peerWithId(handover, "same");
        handover.send(ZmqMessage.of("same", "y"));
        assertThat(taker.out().poll()).isEqualTo(msg("y"));
        assertThat(old.out().poll()).isNull();
    }

    @Test
    void dealerRoundRobinsAndProbesNewConnectionsWhenAsked() {
        SocketPattern dealer = pattern(SocketType.DEALER, new SocketOptions().set(SocketOption.PROBE_ROUTER, true));
        Peer a = peer(dealer, 10);
        Peer b = peer(dealer, 10);
        dealer.send(msg("1"));
        dealer.send(msg("2"));
        assertThat(drain(a)).containsExactly("1");
        assertThat(drain(b)).containsExactly("2");
        assertThat(dealer.preamble(a, false)).containsExactly(ZmqMessage.of(Frame.EMPTY));
        b.in().offer(msg("back"));
        assertThat(dealer.recv()).isEqualTo(msg("back"));
    }
}
