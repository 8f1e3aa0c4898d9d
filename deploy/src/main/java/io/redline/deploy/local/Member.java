package io.redline.deploy.local;

import java.util.ArrayList;
import java.util.List;

/**
 * One process of the local platform before it has ports.
 *
 * @param name unique: {@code cache-gateway-1}, {@code stats-job-run}
 * @param module whose jar it runs
 * @param args the jar's arguments
 * @param servesHttp whether it takes an {@code HTTP_PORT} of its own from the layout
 */
record Member(String name, String module, List<String> args, boolean servesHttp) {

    static final String GATEWAY = "cache-gateway";
    static final String CHAT = "chat-node";
    static final String WORKERS = "event-workers";
    static final String STATS = "stats-job";
    static final List<String> MODULES = List.of(GATEWAY, CHAT, WORKERS, STATS);
    static final String STATS_PAGE = "stats-job-serve";
    /** How often the stats job stores the dashboard on a local platform. */
    static final String STATS_EVERY = "10s";

    Member {
        args = List.copyOf(args);
    }

    /** Gateways, chat-nodes, workers, then the stats job's page and its scheduled runs. */
    static List<Member> of(UpSettings settings) {
        List<Member> members = new ArrayList<>();
        for (int i = 1; i <= settings.gateways(); i++) {
            members.add(new Member(GATEWAY + "-" + i, GATEWAY, List.of(), true));
        }
        for (int i = 1; i <= settings.chatNodes(); i++) {
            members.add(new Member(CHAT + "-" + i, CHAT, List.of(), true));
        }
        for (int i = 1; i <= settings.workers(); i++) {
            members.add(new Member(WORKERS + "-" + i, WORKERS, List.of("worker"), false));
        }
        // the page's port is the layout's fixed third one, not one of the HTTP block
        members.add(new Member(STATS_PAGE, STATS, List.of("serve"), false));
        members.add(new Member("stats-job-run", STATS, List.of("run", "--every", STATS_EVERY), false));
        return List.copyOf(members);
    }

    boolean is(String kind) {
        return module.equals(kind);
    }
}
