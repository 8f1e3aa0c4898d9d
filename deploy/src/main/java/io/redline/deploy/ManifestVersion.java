package io.redline.deploy;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version the build wrote into the jar's manifest. */
public final class ManifestVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ManifestVersion.class.getPackage().getImplementationVersion();
        return new String[] {"redline " + (version == null ? "(development build)" : version)};
    }
}
