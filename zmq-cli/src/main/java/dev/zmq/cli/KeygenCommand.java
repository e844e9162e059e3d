package dev.zmq.cli;

import dev.zmq.security.CurveMechanism;
import picocli.CommandLine.Command;

/**
 * {@code zmq keygen}: prints a new CURVE key pair in Z85, one {@code name: key} line each, as libzmq's
 * {@code curve_keygen} does.
 */
@Command(name = "keygen", description = "Print a new CURVE key pair (Z85): public, then secret.",
        footer = {"%nExample:", "  zmq keygen > server.keys"})
final class KeygenCommand implements Runnable {

    @Override
    public void run() {
        String[] pair = CurveMechanism.newKeyPair();
        System.out.println("public: " + pair[0]);
        System.out.println("secret: " + pair[1]);
    }
}
