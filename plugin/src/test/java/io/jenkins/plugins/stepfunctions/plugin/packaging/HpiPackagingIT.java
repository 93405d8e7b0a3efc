package io.jenkins.plugins.stepfunctions.plugin.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import net.java.sezpoz.impl.SerAnnotatedElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Opens the {@code .hpi} that {@code mvn package} built and checks what Jenkins' plugin manager, SezPoz and
 * Stapler read from it. Jenkins itself is not started: loading it into a real controller is the one thing
 * this cannot prove.
 */
class HpiPackagingIT {
    private static final String PLUGIN_PACKAGE = "io/jenkins/plugins/stepfunctions/plugin/";

    private static Path hpi;
    private static Map<String, byte[]> hpiEntries;
    private static Map<String, byte[]> pluginJarEntries;

    @BeforeAll
    static void readHpi() throws IOException {
        hpi = Path.of(System.getProperty("hpi.file", "target/aws-step-functions.hpi"));
        assertThat(hpi).exists();
        hpiEntries = entries(Files.readAllBytes(hpi));
        assertThat(hpiEntries.keySet()).contains("WEB-INF/lib/aws-step-functions.jar");
        pluginJarEntries = entries(hpiEntries.get("WEB-INF/lib/aws-step-functions.jar"));
    }

    @Test
    void manifestCarriesTheEntriesJenkinsPluginManagerReads() throws IOException {
        Attributes main = manifest(hpiEntries);
        assertThat(main.getValue("Short-Name")).isEqualTo("aws-step-functions");
        assertThat(main.getValue("Long-Name")).isEqualTo("AWS Step Functions");
        assertThat(main.getValue("Plugin-Version")).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(main.getValue("Jenkins-Version")).matches("2\\.\\d+\\.\\d+");
        assertThat(main.getValue("Group-Id")).isEqualTo("io.jenkins.plugins");
        assertThat(main.getValue("Url")).startsWith("https://");
        assertThat(main.getValue("Plugin-Developers")).isNotBlank();
        assertThat(main.getValue("Minimum-Java-Version")).isEqualTo("17");
        assertThat(main.getValue("PluginFirstClassLoader"))
                .as("parent-first loading keeps the AWS SDK types shared with aws-credentials")
                .isNull();
        Map<String, String> dependencies = new TreeMap<>();
        for (String dependency : main.getValue("Plugin-Dependencies").split(",")) {
            String[] nameVersion = dependency.split(";")[0].split(":");
            dependencies.put(nameVersion[0], nameVersion[1]);
        }
        assertThat(dependencies).containsOnlyKeys("workflow-step-api", "structs", "credentials", "aws-credentials",
                "aws-java-sdk2-core", "aws-java-sdk2-sqs", "jackson2-api", "pipeline-input-step", "workflow-api");
        assertThat(dependencies.values()).allMatch(version -> !version.isBlank());
    }

    @Test
    void innerJarNamesItsPluginSoJenkinsClassFilterLetsItsTypesBeSaved() throws IOException {
        // ClassFilterImpl.isLocationWhitelisted: the jar holding the class needs Short-Name and a Plugin-Version
        // or Jenkins-Version, or XStream refuses to write build.xml / config.xml ("Refusing to marshal").
        Attributes inner = manifest(pluginJarEntries);
        Attributes outer = manifest(hpiEntries);
        assertThat(inner.getValue("Short-Name")).isEqualTo("aws-step-functions");
        assertThat(inner.getValue("Plugin-Version")).isEqualTo(outer.getValue("Plugin-Version"));
        assertThat(inner.getValue("Jenkins-Version")).isEqualTo(outer.getValue("Jenkins-Version"));
        assertThat(inner.getValue("Plugin-Dependencies")).isEqualTo(outer.getValue("Plugin-Dependencies"));
    }

    private static Attributes manifest(Map<String, byte[]> archive) throws IOException {
        return new Manifest(new ByteArrayInputStream(archive.get("META-INF/MANIFEST.MF"))).getMainAttributes();
    }

    @Test
    void pluginClassesAndIndexJellyLiveInTheArtifactJarUnderWebInfLib() {
        assertThat(pluginJarEntries.keySet()).contains("index.jelly");
        assertThat(new String(pluginJarEntries.get("index.jelly"), StandardCharsets.UTF_8))
                .contains("escape-by-default='true'");
        assertThat(pluginJarEntries.keySet()).anyMatch(name -> name.startsWith(PLUGIN_PACKAGE) && name.endsWith(".class"));
        assertThat(hpiEntries.keySet()).noneMatch(name -> name.startsWith("WEB-INF/classes/"));
        assertThat(hpiEntries.keySet()).as("static resources at the root, served under /plugin/aws-step-functions/")
                .contains("images/step-functions.svg");
        assertThat(hpiEntries.keySet()).as("the live view's assets, copied from the view module, and the page's script")
                .contains("sfn-view/sfn-view.js", "sfn-view/sfn-view.css", "sfn-view/dagre.min.js",
                        "sfn-view/dagre-LICENSE.txt", "js/build-page.js");
    }

    @Test
    void bundlesOnlyTheBridgeTheTestRunnerAndWhatNoJenkinsPluginProvides() {
        // The rest of the SDK comes from aws-java-sdk2-core / -sqs, Jackson from jackson2-api, slf4j from core:
        // Jenkins asks a plugin's dependencies first, so bundled copies would never load (or clash). sfnTest
        // brings the test runner, the engine and the engine's JSONPath (with json-smart, asm) and JSONata.
        List<String> libs = hpiEntries.keySet().stream()
                .filter(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"))
                .map(name -> name.substring("WEB-INF/lib/".length()).replaceAll("-[0-9][^-]*(-SNAPSHOT)?\\.jar$", ""))
                .sorted()
                .toList();
        assertThat(libs).containsExactly("accessors-smart", "asm", "aws-step-functions.jar", "json-path", "json-smart",
                "jsonata", "sfn", "sfn-bridge", "sfn-engine", "sfn-testing", "sfn-view", "url-connection-client");
        assertThat(hpiEntries.keySet()).as("at the SDK version aws-java-sdk2-core ships")
                .contains("WEB-INF/lib/url-connection-client-" + System.getProperty("awssdk.version", "2.42.33") + ".jar");
    }

    @Test
    void extensionIndexIsInSezPozFormatAndNamesEveryDescriptor() throws Exception {
        byte[] index = pluginJarEntries.get("META-INF/annotations/hudson.Extension");
        assertThat(index).as("SezPoz index of @Extension").isNotNull();
        List<String> indexed = new ArrayList<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(index))) {
            for (Object element = in.readObject(); element != null; element = in.readObject()) {
                indexed.add(((SerAnnotatedElement) element).className);
            }
        }
        List<String> descriptors = pluginJarEntries.keySet().stream()
                .filter(name -> name.startsWith(PLUGIN_PACKAGE) && name.endsWith("$DescriptorImpl.class"))
                .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                .toList();
        assertThat(descriptors).isNotEmpty();
        assertThat(indexed).containsAll(descriptors);
    }

    @Test
    void dataBoundConstructorsKeepParameterNamesAndEveryFieldHasHelpAndEveryDescribableHasConfig(@TempDir Path dir)
            throws Exception {
        Path jar = dir.resolve("aws-step-functions.jar");
        Files.write(jar, hpiEntries.get("WEB-INF/lib/aws-step-functions.jar"));
        int checked = 0;
        try (URLClassLoader loader = new JarFirstClassLoader(jar.toUri().toURL(), getClass().getClassLoader())) {
            for (String name : pluginJarEntries.keySet()) {
                if (!name.startsWith(PLUGIN_PACKAGE) || !name.endsWith(".class")) {
                    continue;
                }
                Class<?> type = loader.loadClass(name.substring(0, name.length() - 6).replace('/', '.'));
                assertThat(type.getClassLoader()).isSameAs(loader);
                for (Constructor<?> constructor : type.getConstructors()) {
                    if (!constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                        continue;
                    }
                    checked++;
                    String folder = type.getName().replace('.', '/') + "/";
                    assertThat(pluginJarEntries.keySet()).contains(folder + "config.jelly");
                    assertThat(pluginJarEntries.keySet()).contains(folder + "help.html");
                    for (Parameter parameter : constructor.getParameters()) {
                        assertThat(parameter.isNamePresent()).as("Stapler reads %s's names by reflection", type).isTrue();
                        assertThat(pluginJarEntries.keySet()).contains(folder + "help-" + parameter.getName() + ".html");
                    }
                    for (Method method : type.getMethods()) {
                        if (method.isAnnotationPresent(DataBoundSetter.class)) {
                            String field = Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4);
                            assertThat(pluginJarEntries.keySet()).contains(folder + "help-" + field + ".html");
                        }
                    }
                }
            }
        }
        assertThat(checked).as("classes with @DataBoundConstructor").isPositive();
    }

    @Test
    void everyJellyViewEscapesByDefault() {
        assertThat(pluginJarEntries.keySet()).filteredOn(name -> name.endsWith(".jelly")).isNotEmpty()
                .allSatisfy(name -> assertThat(new String(pluginJarEntries.get(name), StandardCharsets.UTF_8))
                        .as(name).startsWith("<?jelly escape-by-default='true'?>"));
    }

    @Test
    void everyJellyViewAndHelpFileIsWellFormedXml() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        int parsed = 0;
        for (String name : pluginJarEntries.keySet()) {
            if (name.endsWith(".jelly") || name.endsWith(".html")) {
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(pluginJarEntries.get(name)), name);
                parsed++;
            }
        }
        assertThat(parsed).isGreaterThan(50);
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(zip))) {
            if (in.getManifest() != null) {
                ByteArrayOutputStream manifest = new ByteArrayOutputStream();
                in.getManifest().write(manifest);
                entries.put("META-INF/MANIFEST.MF", manifest.toByteArray());
            }
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    /** Loads the plugin's classes from the jar inside the .hpi, not from target/classes. */
    private static final class JarFirstClassLoader extends URLClassLoader {
        JarFirstClassLoader(URL jar, ClassLoader parent) {
            super(new URL[] {jar}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null && name.startsWith("io.jenkins.plugins.stepfunctions.plugin.")) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException notInJar) {
                        loaded = null;
                    }
                }
                return loaded != null ? loaded : super.loadClass(name, resolve);
            }
        }
    }
}
