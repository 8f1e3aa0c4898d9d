package io.redline.core.redis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.redisson.client.RedisException;

/**
 * A command that the Redis user's ACL rules refuse ({@code NOPERM}, or a script's call refused inside it), said in
 * one line for the person who must change the rules: the reply, the command and the keys or channels it was
 * refused on. Redisson's own message also dumps the connection, every argument and the pending promise; of the
 * arguments only the keys are kept, so no value (and no password) can reach a log through this message.
 *
 * @param reason Redis's reply, such as {@code NOPERM this user has no permissions to run the 'xadd' command}
 * @param command the command as Redisson names it ({@code XADD}, {@code XINFO GROUPS}), or empty if unknown
 * @param targets the keys or channels of the command, as far as they can be told from its arguments
 */
public record RedisRefusal(String reason, String command, List<String> targets) {

    private static final String CHANNEL = ". channel: ";
    private static final String COMMAND = "command: (";
    private static final String PARAMS = "params: [";
    private static final Set<String> WITHOUT_KEYS = Set.of("PING", "AUTH", "HELLO", "SELECT", "CLIENT", "INFO",
            "SCRIPT", "CLUSTER", "READONLY", "SCAN", "TIME", "ACL", "COMMAND", "SENTINEL", "ROLE");
    private static final Set<String> CONTAINERS = Set.of("XGROUP", "XINFO", "OBJECT", "MEMORY", "CLIENT", "SCRIPT",
            "CLUSTER", "CONFIG", "ACL", "FUNCTION");
    private static final Set<String> CHANNELS = Set.of("PUBLISH", "SPUBLISH", "SUBSCRIBE", "SSUBSCRIBE",
            "PSUBSCRIBE", "UNSUBSCRIBE", "SUNSUBSCRIBE");

    public RedisRefusal {
        targets = List.copyOf(targets);
    }

    /** The refusal in {@code error} or its causes, or empty when Redis refused nothing for lack of rights. */
    public static Optional<RedisRefusal> of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedisException && isRefusal(String.valueOf(cause.getMessage()))) {
                return Optional.of(parse(cause.getMessage()));
            }
        }
        return Optional.empty();
    }

    /** The refusal's line when there is one, else the error as it is. */
    public static String describe(Throwable error) {
        return of(error).map(RedisRefusal::message).orElse(String.valueOf(error));
    }

    /** {@code Redis refused XADD on events:ecommerce: NOPERM this user has no permissions to run the 'xadd' ...}. */
    public String message() {
        String what = command.isEmpty() ? "a command" : command;
        String on = targets.isEmpty() ? "" : " on " + String.join(", ", targets);
        return "Redis refused " + what + on + ": " + reason + " (an ACL rule of the Redis user forbids it)";
    }

    private static boolean isRefusal(String message) {
        return message.startsWith("NOPERM") || message.contains("The user executing the script can't");
    }

    static RedisRefusal parse(String message) {
        int channel = message.indexOf(CHANNEL);
        String reason = (channel < 0 ? message : message.substring(0, channel)).strip();
        int commandAt = message.indexOf(COMMAND);
        if (commandAt < 0) {
            return new RedisRefusal(reason, "", List.of());
        }
        int commandEnd = message.indexOf(')', commandAt);
        String command = message.substring(commandAt + COMMAND.length(), commandEnd).toUpperCase(Locale.ROOT);
        int paramsAt = message.indexOf(PARAMS, commandEnd);
        int paramsEnd = message.lastIndexOf(']');
        List<String> params = paramsAt < 0 || paramsEnd < paramsAt ? List.of()
                : Arrays.asList(message.substring(paramsAt + PARAMS.length(), paramsEnd).split(", "));
        if (CONTAINERS.contains(command) && !params.isEmpty()) {
            // Redisson sends some sub-commands as the first argument: XGROUP with CREATE, events:ecommerce, ...
            command = command + " " + params.get(0).toUpperCase(Locale.ROOT);
            params = params.subList(1, params.size());
        }
        return new RedisRefusal(reason, command, targets(command, params));
    }

    /** Where the keys are among a command's arguments: only those are ever shown. */
    private static List<String> targets(String command, List<String> params) {
        String name = command.split(" ")[0];
        if (params.isEmpty() || WITHOUT_KEYS.contains(name)) {
            return List.of();
        }
        if (CHANNELS.contains(name)) {
            return name.endsWith("PUBLISH") ? List.of("channel " + params.get(0))
                    : params.stream().map(channel -> "channel " + channel).toList();
        }
        if (name.startsWith("EVAL") || name.startsWith("FCALL")) {
            return scriptKeys(params);
        }
        if (name.equals("XREAD") || name.equals("XREADGROUP")) {
            int streams = params.indexOf("STREAMS");
            if (streams < 0) {
                return List.of();
            }
            List<String> rest = params.subList(streams + 1, params.size());
            return List.copyOf(rest.subList(0, rest.size() / 2));
        }
        return List.of(params.get(0));
    }

    /** {@code EVALSHA sha numkeys key... arg...}: the keys, never the arguments. */
    private static List<String> scriptKeys(List<String> params) {
        if (params.size() < 2) {
            return List.of();
        }
        int count;
        try {
            count = Integer.parseInt(params.get(1).strip());
        } catch (NumberFormatException e) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (int i = 2; i < params.size() && i < 2 + count; i++) {
            keys.add(params.get(i));
        }
        return keys;
    }
}
