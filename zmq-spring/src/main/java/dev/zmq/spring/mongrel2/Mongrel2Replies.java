package dev.zmq.spring.mongrel2;

import dev.zmq.spring.core.ZmqOperations;

import java.util.List;

/**
 * Answers Mongrel2 connections at any time, not only from the listener that took the request: long polls, server
 * push, one answer to many clients. Publishes through the template on a PUB socket connected to Mongrel2's
 * {@code recv_spec}; more than {@value Mongrel2Codec#MAX_CONNECTIONS_PER_REPLY} connections go out as several
 * replies. Thread-safe, as the template is.
 */
public class Mongrel2Replies {

    private final ZmqOperations template;
    private final String socket;

    /**
     * @param socket the name (under {@code zmq.sockets}) of the PUB socket connected to Mongrel2's {@code recv_spec}
     */
    public Mongrel2Replies(ZmqOperations template, String socket) {
        this.template = template;
        this.socket = socket;
    }

    /** Sends {@code response} to {@code connectionIds} of server {@code sender}. */
    public void reply(String sender, List<String> connectionIds, Mongrel2Response response) {
        send(sender, connectionIds, response.toHttp());
    }

    /** Sends {@code payload} as it is (a chunk, a WebSocket frame, ...) to {@code connectionIds}. */
    public void send(String sender, List<String> connectionIds, byte[] payload) {
        for (int from = 0; from < connectionIds.size(); from += Mongrel2Codec.MAX_CONNECTIONS_PER_REPLY) {
            List<String> batch = connectionIds.subList(from,
                    Math.min(connectionIds.size(), from + Mongrel2Codec.MAX_CONNECTIONS_PER_REPLY));
            template.send(socket, new Mongrel2Reply(sender, batch, payload));
        }
    }

    /** Closes {@code connectionIds} of server {@code sender}. */
    public void close(String sender, List<String> connectionIds) {
        send(sender, connectionIds, new byte[0]);
    }

    /** Sends a reply made elsewhere, e.g. {@link Mongrel2Request#reply}. */
    public void send(Mongrel2Reply reply) {
        template.send(socket, reply);
    }
}
