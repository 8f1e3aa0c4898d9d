package io.redline.core.metrics;

import com.codahale.metrics.MetricRegistry;

/** {@code redline_build_info{module,version} 1}: which build each process runs, for joins in queries. */
public final class BuildInfo {

    public static final Family FAMILY = Family.info("redline_build",
            "Always 1; the labels name the process (module) and the version of its build.", "module", "version");

    private BuildInfo() {
    }

    /** The version comes from the jar's manifest; classes run outside a jar (tests) say "dev". */
    public static void register(MetricRegistry registry, String module) {
        String version = BuildInfo.class.getPackage().getImplementationVersion();
        FAMILY.info(registry, module, version == null ? "dev" : version);
    }
}
