/**
 * Reading kernel module trees straight out of packages, as streams, with nothing written to disk.
 *
 * <p>{@link dev.beamdepmod.archive.PackageReader#entries} recognises a Debian .deb (ar with
 * data.tar, data.tar.gz/.xz/.zst/.bz2/.lzma), an RPM (cpio payload, plain or gzip/xz/zstd/bzip2)
 * or a tarball (plain, gzip, xz, zstd, bzip2) by its content and gives each regular file with a
 * safe path to an {@link dev.beamdepmod.archive.EntryVisitor}, in archive order, as a stream of
 * exactly its bytes. {@link dev.beamdepmod.archive.ModuleTreePath} tells whether a path lies in
 * {@code lib/modules/<version>/} or {@code usr/lib/modules/<version>/}.
 *
 * <p>Packages are not trusted. Links (never followed), device nodes, FIFOs, absolute paths, ".."
 * and duplicate paths are skipped and reported; sizes, the unpacked total, the memory of the
 * duplicate check, the size of one header and decoder memory are bounded
 * ({@link dev.beamdepmod.archive.ArchiveLimits});
 * truncation and corruption fail with a {@link dev.beamdepmod.archive.PackageFormatException}
 * naming the package, never with an unchecked exception. Failures of the source stream and of the
 * visitor pass through unchanged.
 */
package dev.beamdepmod.archive;
