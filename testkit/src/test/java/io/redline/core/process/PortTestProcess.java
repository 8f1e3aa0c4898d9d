package io.redline.core.process;

import io.redline.core.http.JettyServer;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A process for tests of start-up failures: besides the admin server, it serves {@code HTTP_PORT}, as a gateway. */
public final class PortTestProcess {

    private PortTestProcess() {
    }

    public static void main(String[] args) {
        ProcessMain.run("port-test", reader -> {
            int port = reader.port("HTTP_PORT", 8080);
            return context -> List.of(new JettyServer("test-http", port, 8, new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    Response.writeError(request, response, callback, 404);
                    return true;
                }
            }, context.config().shutdownGrace()));
        });
    }
}
