package io.redline.deploy.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code deploy/redis/users.acl} made loadable by a test server: each user's placeholder hash becomes a test
 * password, and the default user, which the file turns off, may only {@code PING} without a password: the kit pings
 * a server it starts without logging in. Anything else needs a user and its password, so a process that ignored
 * its credentials would fail here; the test's own commands go as {@code admin}.
 */
final class AclFile {

    static final Path SHIPPED = Path.of("redis", "users.acl");
    private static final Pattern PLACEHOLDER = Pattern.compile("#0{64}");
    private static final String TEST_DEFAULT = "user default on nopass resetchannels -@all +ping";

    private final List<String> lines;
    private final Map<String, String> passwords;

    private AclFile(List<String> lines, Map<String, String> passwords) {
        this.lines = List.copyOf(lines);
        this.passwords = Map.copyOf(passwords);
    }

    static AclFile shipped() throws IOException {
        List<String> lines = new ArrayList<>();
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SHIPPED)) {
            String user = line.split(" ")[1];
            if (user.equals("default")) {
                lines.add(TEST_DEFAULT);
                continue;
            }
            String password = "acl-it-" + user + "-s3cret";
            passwords.put(user, password);
            lines.add(PLACEHOLDER.matcher(line).replaceFirst(">" + password));
        }
        return new AclFile(lines, passwords);
    }

    /** The shipped line of a user, as written. */
    static String line(String user) throws IOException {
        return Files.readAllLines(SHIPPED).stream().filter(line -> line.startsWith("user " + user + " "))
                .findFirst().orElseThrow(() -> new AssertionError("no user " + user + " in " + SHIPPED));
    }

    String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new AssertionError("no user " + user + " in " + SHIPPED + "; it has " + passwords.keySet());
        }
        return password;
    }

    Path write(Path dir) throws IOException {
        return Files.write(dir.resolve("users.acl"), lines);
    }
}
