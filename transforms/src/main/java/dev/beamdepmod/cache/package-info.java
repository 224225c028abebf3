/**
 * The module cache (docs/cache.md): what reading a stored module file gave, kept under the SHA-256
 * of its stored (still compressed) bytes, so that a re-run decodes only the files that changed.
 *
 * <p>Beam-free: {@link dev.beamdepmod.cache.ModuleCache} decides what is looked up, reused, stored
 * and warned about, over a {@link dev.beamdepmod.cache.CacheStore} of named byte strings (the
 * pipeline's store goes through Beam FileSystems). {@link dev.beamdepmod.cache.EntryFormat} frames
 * an entry with a format version and a checksum; anything it does not accept is re-read from the
 * module, with one warning. A cache never changes an output byte: only records without any message
 * are stored (their content depends on the stored bytes alone), and a reused record gets the path,
 * name, kernel and position of the run at hand.
 */
package dev.beamdepmod.cache;
