package dev.beamdepmod.resolve;

import java.io.Serializable;

/**
 * The files of one kernel's input directory that depmod reads besides the modules.
 *
 * @param dirname the input directory string exactly as depmod builds it (root + "/" + moddir + "/" + version)
 * @param modulesOrder content of dirname/modules.order
 * @param builtin content of dirname/modules.builtin (not read in -n mode: may then be anything)
 * @param builtinModinfo content of dirname/modules.builtin.modinfo (likewise)
 */
public record KernelInputs(String dirname, FileContent modulesOrder, FileContent builtin, FileContent builtinModinfo)
    implements Serializable {}
