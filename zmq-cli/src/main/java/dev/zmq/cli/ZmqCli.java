package dev.zmq.cli;

import dev.zmq.ZmqException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code zmq} command: {@code cat} to send and receive lines, {@code proxy} to forward between two sockets,
 * {@code monitor} to watch a socket's events, {@code perf} for libzmq-compatible throughput and latency tools,
 * {@code keygen} for CURVE key pairs.
 * Exit codes: 0 success, 2 bad arguments (one line on stderr), 3 timeout.
 */
@Command(name = "zmq", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "zmq 0.1.0",
        footer = {"%nExample:", "  zmq cat -t SUB -e '>tcp://localhost:5556' -s prices.", "%nzmq COMMAND --help tells more."},
        description = "ZeroMQ from the shell, on a pure-Java ZeroMQ.",
        subcommands = {CatCommand.class, ProxyCommand.class, MonitorCommand.class, PerfCommand.class,
                KeygenCommand.class})
public final class ZmqCli {

    /** Exit code for bad arguments. */
    public static final int BAD_ARGUMENTS = 2;
    /** Exit code when {@code --timeout} passed without a message. */
    public static final int TIMED_OUT = 3;

    private ZmqCli() {
    }

    /** Runs the tool and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new ZmqCli());
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("zmq: " + e.getMessage());
            return BAD_ARGUMENTS;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ZmqException z && isUsageError(z)) {
                cmd.getErr().println("zmq: " + z.getMessage());
                return BAD_ARGUMENTS;
            }
            throw e;
        });
        return cli.execute(args);
    }

    private static boolean isUsageError(ZmqException e) {
        return switch (e.code()) {
            case EINVAL, EPROTONOSUPPORT, ENOTSUP, EADDRINUSE, EADDRNOTAVAIL -> true;
            default -> false;
        };
    }
}
