package io.redline.testkit;

import java.nio.file.Path;
import java.util.List;

/**
 * An ACL file for the servers of a cluster or a Sentinel group, and the user that the kit itself, the replicas
 * ({@code masteruser}) and the sentinels ({@code sentinel auth-user}) log in as. The file's default user must be
 * allowed {@code PING}: the kit pings a server it starts before logging in.
 *
 * @param file loaded by every server with {@code --aclfile}
 * @param user a user of the file with every right (the kit's checks, replication, failover)
 * @param password its password
 */
public record RedisAcl(Path file, String user, String password) {

    /** The servers' arguments: the file, and how a replica logs in to its master. */
    List<String> serverArguments() {
        return List.of("--aclfile", file.toString(), "--masteruser", user, "--masterauth", password);
    }
}
