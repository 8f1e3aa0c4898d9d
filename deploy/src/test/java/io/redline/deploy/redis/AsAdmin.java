package io.redline.deploy.redis;

import io.redline.testkit.RawRedis;
import java.io.IOException;

/** The test's own commands, as the file's {@code admin} user: set-up, producers in other languages, assertions. */
final class AsAdmin implements AclLog.Admin {

    private final int port;
    private final String password;

    AsAdmin(int port, String password) {
        this.port = port;
        this.password = password;
    }

    @Override
    public Object call(String... command) throws IOException {
        return callAs(port, "admin", password, command);
    }

    /** One command on a connection of its own, logged in as {@code user}; an error reply is returned as text. */
    static Object callAs(int port, String user, String password, String... command) throws IOException {
        try (RawRedis redis = new RawRedis("127.0.0.1", port)) {
            Object auth = redis.call("AUTH", user, password);
            if (!"OK".equals(auth)) {
                throw new IllegalStateException(user + " cannot log in: " + auth);
            }
            return redis.call(command);
        }
    }
}
