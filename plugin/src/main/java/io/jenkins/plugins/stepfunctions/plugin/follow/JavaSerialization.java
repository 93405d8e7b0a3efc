package io.jenkins.plugins.stepfunctions.plugin.follow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * Plain Java serialisation of the bridge's follow state inside the Pipeline program. The program itself is
 * written by JBoss River, which is not guaranteed to restore records (the bridge's state holds several);
 * as bytes, the state round-trips exactly as the bridge tests it.
 */
public final class JavaSerialization {
    private JavaSerialization() {
    }

    public static byte[] write(Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    public static <T> T read(byte[] bytes, Class<T> type) throws IOException {
        try (ObjectInputStream in = new PluginObjectInputStream(new ByteArrayInputStream(bytes))) {
            return type.cast(in.readObject());
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot restore " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Resolves classes with the plugin's class loader, which sees the bundled bridge and SDK. */
    private static final class PluginObjectInputStream extends ObjectInputStream {
        PluginObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, JavaSerialization.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
