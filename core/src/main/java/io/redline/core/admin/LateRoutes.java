package io.redline.core.admin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The endpoints added while the admin server runs ({@link AdminRoutes}), by exact path; Jetty's
 * {@code PathMappingsHandler} takes no mapping once started. An unknown path is left to Jetty's 404.
 */
final class LateRoutes extends Handler.Abstract implements AdminRoutes {

    private final Map<String, Handler> routes = new ConcurrentHashMap<>();

    @Override
    public void add(String path, Handler handler) {
        if (routes.putIfAbsent(path, handler) != null) {
            throw new IllegalStateException("the admin server already has an endpoint on " + path);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler handler = routes.get(request.getHttpURI().getPath());
        return handler != null && handler.handle(request, response, callback);
    }
}
