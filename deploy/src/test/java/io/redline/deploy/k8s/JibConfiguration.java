package io.redline.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The jib-maven-plugin configuration as the poms write it: the shared part in the parent's pluginManagement, and
 * each process module's profile "image" (its image name and ports).
 *
 * @param base {@code from.image}
 * @param user {@code container.user}
 * @param jvmFlags {@code container.jvmFlags}
 * @param labels names of {@code container.labels}
 * @param skippedByDefault {@code skip} is true in pluginManagement, so only the modules that ask build an image
 */
record JibConfiguration(String base, String user, List<String> jvmFlags, List<String> labels,
                        boolean skippedByDefault) {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String JIB = "jib-maven-plugin";

    static JibConfiguration shared() {
        Element plugin = plugin(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "build/pluginManagement/plugins")
                .orElseThrow(() -> new AssertionError("the parent pom manages no " + JIB));
        Element configuration = child(plugin, "configuration").orElseThrow();
        return new JibConfiguration(text(configuration, "from/image"), text(configuration, "container/user"),
                texts(configuration, "container/jvmFlags"), names(configuration, "container/labels"),
                "true".equals(text(configuration, "skip")));
    }

    /** A process module's image: its {@code to.image}, {@code container.ports}, and {@code skip} (false). */
    record ModuleImage(String image, List<String> ports, String skip) {
    }

    static Optional<ModuleImage> of(String module) {
        Element project = pom(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
        for (Element profile : children(child(project, "profiles").orElse(null), "profile")) {
            if (!text(profile, "id").equals("image")) {
                continue;
            }
            Optional<Element> plugin = plugin(profile, "build/plugins");
            if (plugin.isPresent()) {
                Element configuration = child(plugin.get(), "configuration").orElseThrow();
                return Optional.of(new ModuleImage(text(configuration, "to/image"),
                        texts(configuration, "container/ports"), text(configuration, "skip")));
            }
        }
        return Optional.empty();
    }

    /** The version every module shares: the parent's. */
    static String projectVersion() {
        return text(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "version");
    }

    private static Optional<Element> plugin(Element from, String pluginsPath) {
        Optional<Element> plugins = path(from, pluginsPath);
        return children(plugins.orElse(null), "plugin").stream()
                .filter(p -> text(p, "artifactId").equals(JIB)).findFirst();
    }

    private static Document pom(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new AssertionError("cannot parse " + file, e);
        }
    }

    private static Optional<Element> path(Element from, String path) {
        Optional<Element> at = Optional.ofNullable(from);
        for (String name : path.split("/")) {
            at = at.flatMap(e -> child(e, name));
        }
        return at;
    }

    private static String text(Element from, String path) {
        return path(from, path).map(e -> e.getTextContent().trim()).orElse("");
    }

    private static List<String> texts(Element from, String path) {
        return children(path(from, path).orElse(null), null).stream().map(e -> e.getTextContent().trim()).toList();
    }

    private static List<String> names(Element from, String path) {
        return children(path(from, path).orElse(null), null).stream().map(Element::getTagName).toList();
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && (name == null || e.getTagName().equals(name))) {
                found.add(e);
            }
        }
        return found;
    }
}
