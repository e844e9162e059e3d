package dev.zmq.cli;

import dev.zmq.ErrorCode;
import dev.zmq.Frame;
import dev.zmq.OptionValue;
import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Pattern;

/**
 * {@code zmq cat}: standard input lines become messages (split into frames at the delimiter), received messages are
 * printed one per line (frames joined by the delimiter; binary frames as {@code 0x} and hex). REQ sends a line and
 * prints its reply; REP, ROUTER and SERVER with {@code --echo} answer every request with its own frames. A RADIO
 * sends each line's first frame as its group, a DISH joins the {@code -s} groups and prints each message's group
 * first. At end of input the tool waits up to {@code --linger} for queued messages to leave. Exit 0, 2 for bad arguments, 3 when {@code --timeout} passes with nothing received.
 */
@Command(name = "cat", description = "Send standard input lines as messages and print received messages.",
        footer = {"%nExamples:", "  echo 'hello|world' | zmq cat -t PUSH -e '>tcp://localhost:5555'",
            "  zmq cat -t PULL -e @tcp://*:5555 -n 1"})
final class CatCommand implements Callable<Integer> {

    private static final ZmqMessage END_OF_INPUT = ZmqMessage.of("end of input");

    @Mixin
    SocketArgs spec;

    @Option(names = {"-s", "--subscribe"}, paramLabel = "TOPIC",
            description = "SUB/XSUB: subscribe to TOPIC (repeatable; default: everything). DISH: join group TOPIC.")
    List<String> topics = new ArrayList<>();

    @Option(names = {"-n", "--count"}, paramLabel = "COUNT", description = "Exit after COUNT received messages.")
    long count = -1;

    @Option(names = "--timeout", paramLabel = "MS", description = "Exit with code 3 when nothing arrives for MS.")
    long timeoutMillis = -1;

    @Option(names = "--delimiter", paramLabel = "STR", description = "Frame delimiter in lines (default: '|').")
    String delimiter = "|";

    @Option(names = "--send-first", description = "Send all of standard input before receiving.")
    boolean sendFirst;

    @Option(names = "--echo", description = "REP/ROUTER: answer each request with its own frames.")
    boolean echo;

    @Option(names = "--linger", paramLabel = "MS", description = "At the end, wait up to MS for queued messages (default 5000).")
    long lingerMillis = 5000;

    private PrintStream out = System.out;
    private long received;

    @Override
    public Integer call() throws Exception {
        out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        SocketType type = spec.socketType();
        try (ZmqContext context = new ZmqContext()) {
            List<String> subscriptions = List.of();
            if (type == SocketType.DISH && topics.isEmpty()) {
                throw new ZmqException(ErrorCode.EINVAL, "a DISH receives only the groups it joins: give -s GROUP");
            } else if (type.subscribes()) {
                subscriptions = topics.isEmpty() ? List.of("") : topics;
            }
            ZmqSocket socket = spec.open(context,
                    List.of(new OptionValue<>(SocketOption.LINGER, Duration.ofMillis(lingerMillis))), subscriptions,
                    s -> { });
            int code = switch (type) {
                case REQ -> requestLoop(socket);
                case REP, SERVER -> replyLoop(socket);
                case ROUTER -> echo ? replyLoop(socket) : duplexLoop(socket);
                case PUSH, PUB, RADIO, SCATTER -> sendAll(socket);
                case PULL, SUB, DISH, GATHER -> receiveLoop(socket, null);
                default -> duplexLoop(socket);
            };
            out.flush();
            return code;
        }
    }

    /** A line as a message: frames split at the delimiter; for a RADIO the first is the group. */
    private ZmqMessage parse(String line) {
        String[] frames = line.split(Pattern.quote(delimiter), -1);
        boolean grouped = spec.socketType() == SocketType.RADIO && frames.length > 1;
        ZmqMessage.Builder b = ZmqMessage.builder();
        for (int i = grouped ? 1 : 0; i < frames.length; i++) {
            b.add(frames[i]);
        }
        return grouped ? b.build().withGroup(frames[0]) : b.build();
    }

    /** A message as a line: frames joined by the delimiter, after a DISH message's group. */
    private void print(ZmqMessage m) {
        List<String> frames = new ArrayList<>(m.size() + 1);
        if (m.group() != null) {
            frames.add(m.group());
        }
        for (Frame f : m.frames()) {
            frames.add(printable(f));
        }
        out.println(String.join(delimiter, frames));
        out.flush();
        received++;
    }

    /** The frame as UTF-8 text, or as {@code 0x} and hex when it holds control bytes or is not valid UTF-8. */
    private static String printable(Frame f) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(f.data())).toString();
            if (text.chars().noneMatch(c -> c < 0x20 && c != '\t')) {
                return text;
            }
        } catch (CharacterCodingException notText) {
            // fall through to hex
        }
        return "0x" + HexFormat.of().formatHex(f.data());
    }

    private boolean enough() {
        return count >= 0 && received >= count;
    }

    /** Waits for the next message as --timeout says; {@code null} when it passed. */
    private @Nullable ZmqMessage next(ZmqSocket socket) {
        return socket.recv(timeoutMillis >= 0 ? Duration.ofMillis(timeoutMillis) : Duration.ofMillis(-1));
    }

    private static BufferedReader stdin() {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }

    private int sendAll(ZmqSocket socket) throws IOException {
        BufferedReader in = stdin();
        String line;
        while ((line = in.readLine()) != null) {
            socket.send(parse(line));
        }
        return 0;
    }

    private int requestLoop(ZmqSocket socket) throws IOException {
        BufferedReader in = stdin();
        String line;
        while (!enough() && (line = in.readLine()) != null) {
            socket.send(parse(line));
            ZmqMessage reply = next(socket);
            if (reply == null) {
                return ZmqCli.TIMED_OUT;
            }
            print(reply);
        }
        return 0;
    }

    private int replyLoop(ZmqSocket socket) throws IOException {
        BufferedReader in = stdin();
        while (!enough()) {
            ZmqMessage request = next(socket);
            if (request == null) {
                return ZmqCli.TIMED_OUT;
            }
            print(request);
            if (echo) {
                socket.send(request);
            } else {
                String line = in.readLine();
                if (line == null) {
                    return 0;
                }
                // a SERVER's reply goes to the peer that asked
                socket.send(parse(line).withRoutingId(request.routingId()));
            }
        }
        return 0;
    }

    private int receiveLoop(ZmqSocket socket, @Nullable BlockingQueue<ZmqMessage> toSend) {
        long idleSince = System.nanoTime();
        boolean inputDone = toSend == null;
        while (!enough()) {
            if (toSend != null && !inputDone) {
                ZmqMessage m;
                while ((m = toSend.poll()) != null) {
                    if (m == END_OF_INPUT) {
                        inputDone = true;
                        break;
                    }
                    socket.send(m);
                }
            }
            ZmqMessage m = inputDone ? next(socket) : socket.recv(Duration.ofMillis(20));
            if (m != null) {
                print(m);
                idleSince = System.nanoTime();
            } else if (timeoutMillis >= 0 && System.nanoTime() - idleSince >= timeoutMillis * 1_000_000L) {
                return ZmqCli.TIMED_OUT;
            }
        }
        return 0;
    }

    /** Both directions (PAIR, DEALER, ROUTER, XPUB, XSUB): a reader thread feeds lines to the socket's thread. */
    private int duplexLoop(ZmqSocket socket) throws IOException {
        if (sendFirst) {
            sendAll(socket);
            return receiveLoop(socket, null);
        }
        BlockingQueue<ZmqMessage> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                BufferedReader in = stdin();
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(parse(line));
                }
            } catch (IOException e) {
                // end of input either way
            }
            lines.add(END_OF_INPUT);
        }, "zmq-cat-stdin");
        reader.setDaemon(true);
        reader.start();
        return receiveLoop(socket, lines);
    }
}
