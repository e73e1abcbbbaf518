package org.spineformer.nmodl.parse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@code INCLUDE "name"} is looked for, as NEURON 8.2.2's nocmodl does it (io.cpp, {@code include_open}) when
 * nrnivmodl runs it: nrnivmodl starts nocmodl in the mod file's folder with the file's bare name, so the current
 * directory is that folder. In this order, the first file that exists:
 * <ol>
 * <li>a name starting with {@code /}: that file, and nothing else;</li>
 * <li>the directory part of the including file's name, as that file was named (the INCLUDE that brought it in; the
 * mod file itself has none), followed by the name: {@code INCLUDE "sub/a.inc"} whose text has
 * {@code INCLUDE "b.inc"} tries {@code sub/b.inc} first;</li>
 * <li>the name in the folder (nocmodl's current directory);</li>
 * <li>the name in the folder's parent ({@code ../name});</li>
 * <li>each directory of the {@code MODL_INCLUDE} list (colon separated; relative ones from the folder) with the
 * name.</li>
 * </ol>
 *
 * @param folder      the mod file's folder (nocmodl's current directory under nrnivmodl); null when the text was
 *                    not read from a folder (a bundled file, a text given directly): an INCLUDE is then an error
 * @param modlInclude the {@code MODL_INCLUDE} directories, in order
 */
public record IncludePath(Path folder, List<String> modlInclude) {
    /** No folder: nowhere to look. */
    public static final IncludePath NONE = new IncludePath(null, List.of());

    /** The environment variable nocmodl reads for more directories. */
    public static final String MODL_INCLUDE = "MODL_INCLUDE";

    public IncludePath {
        modlInclude = List.copyOf(modlInclude);
    }

    /** As nrnivmodl runs nocmodl on a file of {@code folder}, with this process's {@code MODL_INCLUDE}. */
    public static IncludePath nrnivmodl(Path folder) {
        String dirs = System.getenv(MODL_INCLUDE);
        return new IncludePath(folder, dirs == null || dirs.isEmpty() ? List.of() : split(dirs));
    }

    /** A colon-separated list as nocmodl splits it: an empty entry is the empty directory name (so "/name"). */
    static List<String> split(String dirs) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < dirs.length()) {
            int colon = dirs.indexOf(':', start);
            int end = colon < 0 ? dirs.length() : colon;
            out.add(dirs.substring(start, end));
            start = end + 1;
        }
        return out;
    }

    /**
     * The files nocmodl would try for {@code INCLUDE "name"} in a text that an INCLUDE named {@code includingName}
     * brought in (null for the mod file itself), in its order.
     */
    List<Path> candidates(String name, String includingName) {
        List<Path> out = new ArrayList<>();
        if (name.startsWith("/")) {
            out.add(Path.of(name));
            return out;
        }
        int slash = includingName == null ? -1 : includingName.lastIndexOf('/');
        if (slash >= 0) {
            out.add(folder.resolve(includingName.substring(0, slash + 1) + name));
        }
        out.add(folder.resolve(name));
        out.add(folder.resolve("..").resolve(name));
        for (String dir : modlInclude) {
            out.add(folder.resolve(dir + "/" + name));
        }
        return out;
    }
}
