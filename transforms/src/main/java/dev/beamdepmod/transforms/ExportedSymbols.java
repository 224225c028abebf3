package dev.beamdepmod.transforms;

import dev.beamdepmod.schema.ExportedSymbol;
import dev.beamdepmod.schema.ModuleRecord;
import dev.beamdepmod.schema.SymbolRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/** One record per symbol a module exports, for analysis outside depmod. */
public final class ExportedSymbols extends PTransform<PCollection<ModuleRecord>, PCollection<SymbolRecord>> {
  @Override
  public PCollection<SymbolRecord> expand(PCollection<ModuleRecord> modules) {
    return modules
        .apply("Exports", ParDo.of(new DoFn<ModuleRecord, SymbolRecord>() {
          @ProcessElement
          public void process(@Element ModuleRecord m, OutputReceiver<SymbolRecord> out) {
            for (ExportedSymbol e : m.getExports()) {
              out.output(new SymbolRecord(m.getKernel(), m.getName(), m.getPath(), e.getName(), e.getCrc()));
            }
          }
        }))
        .setCoder(AvroCoder.specific(SymbolRecord.class));
  }
}
