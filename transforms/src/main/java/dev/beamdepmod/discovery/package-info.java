/**
 * Module discovery, Beam-free and the only owner of its rules (docs/depmod-rules.md §4.1, §5): which
 * depmod.d files are read ({@link dev.beamdepmod.discovery.ConfigFileList}), the walk with its
 * excludes, extensions and order ({@link dev.beamdepmod.discovery.TreeWalker},
 * {@link dev.beamdepmod.discovery.ModuleFiles}), the choice of one file per module name
 * ({@link dev.beamdepmod.discovery.ModuleCollector}, {@link dev.beamdepmod.discovery.ModulePriority}),
 * {@code -A} ({@link dev.beamdepmod.discovery.QuickCheck}) and files mode
 * ({@link dev.beamdepmod.discovery.FilesMode}).
 *
 * <p>Everything reads through a {@link dev.beamdepmod.discovery.DirectorySource}: the local disk
 * (jobs/'s {@code LocalDirectory}: this module touches no local file, see FileSystemsOnlyTest) or a
 * kernel's modules inside its packages ({@link dev.beamdepmod.discovery.PackageTree}), so a tree and
 * a package kernel are walked by the same code.
 */
package dev.beamdepmod.discovery;
