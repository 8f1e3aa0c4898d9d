package io.redline.core.admin;

import org.eclipse.jetty.server.Handler;

/**
 * Where a process adds endpoints of its own to the admin server once it is wired (the server itself is up before
 * Redis is awaited): {@code routes.add("/cache/purge", handler)}.
 */
@FunctionalInterface
public interface AdminRoutes {

    /** Does nothing: for processes and tests without an admin server. */
    AdminRoutes NONE = (path, handler) -> { };

    /**
     * @param path the exact path the handler answers
     * @param handler answers every request to {@code path}, whatever its method
     */
    void add(String path, Handler handler);
}
