package dev.beamdepmod.pipeline;

import dev.beamdepmod.check.Candidate;
import dev.beamdepmod.check.KernelTable;
import dev.beamdepmod.check.PairCheck;
import dev.beamdepmod.schema.CheckKernel;
import dev.beamdepmod.schema.CheckModule;
import dev.beamdepmod.schema.CheckResult;
import dev.beamdepmod.transforms.AvroRecords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * {@code beam-depmod check} as a pipeline: every (kernel, module) pair is an element, checked
 * against its kernel's table (built once per kernel, broadcast as a side input) by {@link PairCheck}.
 * Tables and modules cross the pipeline as their Avro records ({@link CheckKernel}, {@link CheckModule});
 * each worker turns a kernel's record back into its table once.
 */
public final class Check extends PTransform<PBegin, PCollection<CheckResult>> {
  private final List<KernelTable> kernels;
  private final List<Candidate> modules;

  public Check(List<KernelTable> kernels, List<Candidate> modules) {
    this.kernels = List.copyOf(kernels);
    this.modules = List.copyOf(modules);
  }

  @Override
  public PCollection<CheckResult> expand(PBegin begin) {
    List<KV<String, CheckKernel>> keyed = new ArrayList<>();
    List<KV<String, Integer>> pairs = new ArrayList<>();
    for (KernelTable k : kernels) {
      keyed.add(KV.of(k.release(), k.toRecord()));
      for (int m = 0; m < modules.size(); m++) pairs.add(KV.of(k.release(), m));
    }
    PCollectionView<Map<String, CheckKernel>> tables = begin
        .apply("Kernels", Create.of(keyed).withCoder(KvCoder.of(StringUtf8Coder.of(), AvroCoder.specific(CheckKernel.class))))
        .apply("KernelTables", View.asMap());
    PCollectionView<List<CheckModule>> candidates = begin
        .apply("Modules", Create.of(modules.stream().map(Candidate::toRecord).toList())
            .withCoder(AvroCoder.specific(CheckModule.class)))
        .apply("ModuleList", View.asList());
    return begin
        .apply("Pairs", Create.of(pairs).withCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
        .apply("Spread", Reshuffle.viaRandomKey())
        .apply("CheckPairs", ParDo.of(new CheckPair(tables, candidates)).withSideInputs(tables, candidates))
        .setCoder(AvroCoder.specific(CheckResult.class));
  }

  private static final class CheckPair extends DoFn<KV<String, Integer>, CheckResult> {
    private final PCollectionView<Map<String, CheckKernel>> tables;
    private final PCollectionView<List<CheckModule>> candidates;
    /** Tables already turned back from their records, by release. */
    private transient Map<String, KernelTable> built;

    CheckPair(PCollectionView<Map<String, CheckKernel>> tables, PCollectionView<List<CheckModule>> candidates) {
      this.tables = tables;
      this.candidates = candidates;
    }

    @Setup
    public void setup() {
      built = new HashMap<>();
    }

    @ProcessElement
    public void process(ProcessContext c) {
      KV<String, Integer> pair = c.element();
      KernelTable kernel = built.computeIfAbsent(pair.getKey(), r -> KernelTable.of(c.sideInput(tables).get(r)));
      c.output(PairCheck.check(Candidate.of(c.sideInput(candidates).get(pair.getValue())), kernel));
    }
  }

  /** Runs the check pipeline, its results written as Avro under {@code directory}, and reads them back. */
  public static List<CheckResult> run(PipelineOptions options, List<KernelTable> kernels, List<Candidate> modules,
      String directory) throws IOException {
    FileSystems.setDefaultPipelineOptions(options);
    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply("Check", new Check(kernels, modules))
        .apply("WriteResults", AvroIO.write(CheckResult.class).to(directory + "/check").withSuffix(".avro"));
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) throw new IOException("pipeline ended in state " + state);
    return AvroRecords.readAll(directory + "/check*.avro", CheckResult.class);
  }
}
