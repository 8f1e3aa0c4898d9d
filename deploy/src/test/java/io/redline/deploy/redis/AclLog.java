package io.redline.deploy.redis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code ACL LOG}: every command, key or channel the server refused, one line each, oldest last. */
final class AclLog {

    private AclLog() {
    }

    /** Runs a command as the file's {@code admin}: {@link AsAdmin}, or a test server the kit logs in to. */
    @FunctionalInterface
    interface Admin {
        Object call(String... command) throws IOException;
    }

    static List<String> denials(Admin admin) throws IOException {
        List<String> denials = new ArrayList<>();
        for (Object entry : (List<?>) admin.call("ACL", "LOG", "128")) {
            List<?> fields = (List<?>) entry;
            StringBuilder line = new StringBuilder();
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                String name = String.valueOf(fields.get(i));
                if (List.of("username", "reason", "context", "object").contains(name)) {
                    line.append(name).append('=').append(fields.get(i + 1)).append(' ');
                }
            }
            denials.add(line.toString().strip());
        }
        return denials;
    }

    static void reset(Admin admin) throws IOException {
        admin.call("ACL", "LOG", "RESET");
    }
}
