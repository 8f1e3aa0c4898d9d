package io.redline.core.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the title and version the build wrote into the jar's manifest (the parent pom's shade
 * configuration adds them); run from classes rather than a jar, a development build.
 */
public final class ManifestVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Package jar = ManifestVersion.class.getPackage();
        String title = jar.getImplementationTitle();
        String version = jar.getImplementationVersion();
        return new String[] {(title == null ? "redline" : title) + " "
                + (version == null ? "(development build)" : version)};
    }
}
