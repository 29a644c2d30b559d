package dev.vai.export.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compression codecs run with the versions the build manages over kafka-clients' own (lz4-java and zstd-jni, for
 * their advisories: README, Dependencies): a batch compressed by each codec reads back as written. The exporter writes
 * uncompressed records, but {@code audit-tail} and any consumer of the topic decompress what other producers wrote.
 */
class CompressionCodecsTest {

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"GZIP", "SNAPPY", "LZ4", "ZSTD"})
    void aBatchCompressedByEachCodecReadsBackAsWritten(CompressionType type) {
        List<SimpleRecord> written = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            written.add(new SimpleRecord(("token-" + i).getBytes(StandardCharsets.UTF_8),
                    ("{\"type\":\"dev.vai.access_token.issued.v1\",\"n\":" + i + "}").repeat(10)
                            .getBytes(StandardCharsets.UTF_8)));
        }
        MemoryRecords batch = MemoryRecords.withRecords(Compression.of(type).build(),
                written.toArray(SimpleRecord[]::new));
        assertThat(batch.batches().iterator().next().compressionType()).isEqualTo(type);

        List<String> read = new ArrayList<>();
        for (Record record : batch.records()) {
            byte[] value = new byte[record.valueSize()];
            record.value().get(value);
            read.add(new String(value, StandardCharsets.UTF_8));
        }
        assertThat(read).hasSize(50).first().asString().contains("\"n\":0}");
        assertThat(read.get(49)).endsWith("\"n\":49}");
    }
}
