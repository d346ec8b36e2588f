package dk.visitation.workflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.DbKey;
import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDbInconsistentException;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;

/**
 * The in-process engine's state store against a model: a plain {@code TreeMap} per column family in unsigned
 * byte order, a transaction being a copy of it with the writes applied. Random runs of puts, deletes, commits,
 * rollbacks and prefix scans (with start-at keys, stops, and writes and deletes made by the visitor while it
 * iterates) over keys from a five-byte alphabet, so that prefixes nest and bytes above 0x7f test the unsigned
 * order. The stock test store would fail the scan-with-writes steps (its scans are snapshots) but agree on the
 * rest; this one must agree on all.
 */
class SortedMapDbTest {

    private static final ZbColumnFamilies[] FAMILIES = {ZbColumnFamilies.values()[0], ZbColumnFamilies.values()[1]};
    private static final byte[] ALPHABET = {0x00, 0x01, 0x7f, (byte) 0x80, (byte) 0xff};

    /** A key or value of raw bytes. */
    static final class Raw implements DbKey, DbValue {
        byte[] bytes = new byte[0];

        Raw() {
        }

        Raw(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void wrap(DirectBuffer buffer, int offset, int length) {
            bytes = new byte[length];
            buffer.getBytes(offset, bytes);
        }

        @Override
        public int getLength() {
            return bytes.length;
        }

        @Override
        public int write(MutableDirectBuffer buffer, int offset) {
            buffer.putBytes(offset, bytes);
            return bytes.length;
        }
    }

    sealed interface Op {
    }

    record Put(int family, byte[] key, byte[] value) implements Op {
        @Override
        public String toString() {
            return "put" + family + "(" + hex(key) + "=" + hex(value) + ")";
        }
    }

    record Delete(int family, byte[] key) implements Op {
        @Override
        public String toString() {
            return "delete" + family + "(" + hex(key) + ")";
        }
    }

    record Commit() implements Op {
    }

    record Rollback() implements Op {
    }

    /**
     * A scan of {@code prefix} from {@code startAt} (or the prefix) that stops after {@code limit} entries; at each
     * entry the visitor does {@code during}: nothing (0), deletes the visited key (1), deletes the next key of the
     * model (2) or puts {@code extra} (3).
     */
    record Scan(int family, byte[] prefix, byte[] startAt, int limit, int during, byte[] extra) implements Op {
        @Override
        public String toString() {
            return "scan" + family + "(" + hex(prefix) + ", from " + (startAt == null ? "-" : hex(startAt)) + ", limit " + limit
                    + ", during " + during + " " + hex(extra) + ")";
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static Arbitrary<byte[]> bytes(int min, int max) {
        return Arbitraries.of(ALPHABET[0], ALPHABET[1], ALPHABET[2], ALPHABET[3], ALPHABET[4]).list().ofMinSize(min).ofMaxSize(max)
                .map(list -> {
                    byte[] out = new byte[list.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = list.get(i);
                    }
                    return out;
                });
    }

    @Provide
    Arbitrary<List<Op>> runs() {
        Arbitrary<Integer> family = Arbitraries.of(0, 0, 0, 1);
        Arbitrary<Op> put = Combinators.combine(family, bytes(1, 4), bytes(0, 3)).as(Put::new);
        Arbitrary<Op> delete = Combinators.combine(family, bytes(1, 4)).as(Delete::new);
        Arbitrary<Op> scan = Combinators.combine(family, bytes(0, 3), bytes(0, 4).injectNull(0.5), Arbitraries.integers().between(1, 40),
                Arbitraries.integers().between(0, 3), bytes(1, 4)).as(Scan::new);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, put), net.jqwik.api.Tuple.of(4, delete), net.jqwik.api.Tuple.of(4, scan),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Commit())), net.jqwik.api.Tuple.of(1, Arbitraries.just(new Rollback())));
        return op.list().ofMinSize(1).ofMaxSize(80);
    }

    /** The model: committed maps and the current transaction's view, one per family. */
    static final class Model {
        final List<TreeMap<byte[], byte[]>> committed = List.of(new TreeMap<>(SortedMapDb.ORDER), new TreeMap<>(SortedMapDb.ORDER));
        List<TreeMap<byte[], byte[]>> view = copy(committed);

        static List<TreeMap<byte[], byte[]>> copy(List<TreeMap<byte[], byte[]>> maps) {
            List<TreeMap<byte[], byte[]>> out = new ArrayList<>();
            for (TreeMap<byte[], byte[]> m : maps) {
                out.add(new TreeMap<>(m));
            }
            return out;
        }
    }

    @Property(tries = 400)
    void the_store_agrees_with_a_sorted_map_on_every_read_scan_commit_and_rollback(@ForAll("runs") List<Op> run) throws Exception {
        SortedMapDb<ZbColumnFamilies> db = new SortedMapDb<>();
        TransactionContext context = db.createContext();
        List<ColumnFamily<Raw, Raw>> families = List.of(
                db.createColumnFamily(FAMILIES[0], context, new Raw(), new Raw()),
                db.createColumnFamily(FAMILIES[1], context, new Raw(), new Raw()));
        Model model = new Model();
        var transaction = context.getCurrentTransaction();
        for (Op op : run) {
            switch (op) {
                case Put p -> {
                    families.get(p.family()).upsert(new Raw(p.key()), new Raw(p.value()));
                    model.view.get(p.family()).put(p.key(), p.value());
                }
                case Delete d -> {
                    families.get(d.family()).deleteIfExists(new Raw(d.key()));
                    model.view.get(d.family()).remove(d.key());
                }
                case Commit c -> {
                    transaction.commit();
                    for (int f = 0; f < 2; f++) {
                        model.committed.get(f).clear();
                        model.committed.get(f).putAll(model.view.get(f));
                    }
                    transaction = context.getCurrentTransaction();
                }
                case Rollback r -> {
                    transaction.rollback();
                    model.view = Model.copy(model.committed);
                    transaction = context.getCurrentTransaction();
                }
                case Scan s -> assertEquals(scanModel(model, s), scanStore(families.get(s.family()), s), s.toString());
            }
            for (int f = 0; f < 2; f++) {
                assertEquals(dump(model.view.get(f)), dumpStore(families.get(f)), "after " + op);
                assertEquals(model.view.get(f).size(), families.get(f).count());
                assertEquals(model.view.get(f).isEmpty(), families.get(f).isEmpty());
            }
        }
        // what another context sees: the committed state only
        TransactionContext other = db.createContext();
        for (int f = 0; f < 2; f++) {
            assertEquals(dump(model.committed.get(f)), dumpStore(db.createColumnFamily(FAMILIES[f], other, new Raw(), new Raw())));
        }
    }

    private static List<String> scanStore(ColumnFamily<Raw, Raw> family, Scan s) {
        List<String> seen = new ArrayList<>();
        int[] left = {s.limit()};
        io.camunda.zeebe.db.KeyValuePairVisitor<Raw, Raw> visitor = (key, value) -> {
            byte[] k = key.bytes.clone();
            seen.add(hex(k) + "=" + hex(value.bytes));
            switch (s.during()) {
                case 1 -> family.deleteExisting(new Raw(k));
                case 2 -> {
                    byte[] next = nextKeyOf(family, k);
                    if (next != null) {
                        family.deleteExisting(new Raw(next));
                    }
                }
                case 3 -> family.upsert(new Raw(s.extra()), new Raw(new byte[] {1}));
                default -> {
                }
            }
            return --left[0] > 0;
        };
        if (s.startAt() == null) {
            family.whileEqualPrefix(new Raw(s.prefix()), visitor);
        } else {
            family.whileEqualPrefix(new Raw(s.prefix()), new Raw(s.startAt()), visitor);
        }
        return seen;
    }

    /** The key after {@code key} in the store, found by a scan of its own (nested iteration). */
    private static byte[] nextKeyOf(ColumnFamily<Raw, Raw> family, byte[] key) {
        AtomicReference<byte[]> next = new AtomicReference<>();
        family.whileTrue(new Raw(key), (k, v) -> {
            if (Arrays.equals(k.bytes, key)) {
                return true;
            }
            next.set(k.bytes.clone());
            return false;
        });
        return next.get();
    }

    private static List<String> scanModel(Model model, Scan s) {
        TreeMap<byte[], byte[]> view = model.view.get(s.family());
        List<String> seen = new ArrayList<>();
        byte[] from = s.startAt() == null || SortedMapDb.ORDER.compare(s.startAt(), s.prefix()) < 0 ? s.prefix() : s.startAt();
        Map.Entry<byte[], byte[]> entry = view.ceilingEntry(from);
        int left = s.limit();
        while (entry != null && SortedMapColumnFamily.startsWith(entry.getKey(), s.prefix())) {
            byte[] k = entry.getKey();
            seen.add(hex(k) + "=" + hex(entry.getValue()));
            switch (s.during()) {
                case 1 -> view.remove(k);
                case 2 -> {
                    byte[] next = view.higherKey(k);
                    if (next != null) {
                        view.remove(next);
                    }
                }
                case 3 -> view.put(s.extra(), new byte[] {1});
                default -> {
                }
            }
            if (--left <= 0) {
                break;
            }
            entry = view.higherEntry(k);
        }
        return seen;
    }

    private static List<String> dump(TreeMap<byte[], byte[]> map) {
        List<String> out = new ArrayList<>();
        map.forEach((k, v) -> out.add(hex(k) + "=" + hex(v)));
        return out;
    }

    private static List<String> dumpStore(ColumnFamily<Raw, Raw> family) {
        List<String> out = new ArrayList<>();
        family.forEach((k, v) -> out.add(hex(k.bytes) + "=" + hex(v.bytes)));
        return out;
    }

    @Test
    void insert_update_and_delete_existing_refuse_what_the_transaction_does_not_hold() {
        SortedMapDb<ZbColumnFamilies> db = new SortedMapDb<>();
        TransactionContext context = db.createContext();
        ColumnFamily<Raw, Raw> family = db.createColumnFamily(FAMILIES[0], context, new Raw(), new Raw());
        Raw key = new Raw(new byte[] {1, 2});
        assertThrows(ZeebeDbInconsistentException.class, () -> family.update(key, new Raw(new byte[] {9})));
        assertThrows(ZeebeDbInconsistentException.class, () -> family.deleteExisting(key));
        family.insert(key, new Raw(new byte[] {7}));
        assertThrows(ZeebeDbInconsistentException.class, () -> family.insert(key, new Raw(new byte[] {8})));
        family.update(key, new Raw(new byte[] {8}));
        assertEquals(8, family.get(key).bytes[0]);
        family.deleteExisting(key);
        assertNull(family.get(key));
        assertFalse(family.exists(key));
        assertTrue(db.isEmpty(FAMILIES[0], context));
    }

    @Test
    void a_failed_operation_inside_run_in_transaction_rolls_the_whole_transaction_back() {
        SortedMapDb<ZbColumnFamilies> db = new SortedMapDb<>();
        TransactionContext context = db.createContext();
        ColumnFamily<Raw, Raw> family = db.createColumnFamily(FAMILIES[0], context, new Raw(), new Raw());
        assertThrows(RuntimeException.class, () -> context.runInTransaction(() -> {
            family.upsert(new Raw(new byte[] {1}), new Raw(new byte[] {1}));
            throw new IllegalStateException("fails");
        }));
        assertEquals(0, family.count());
        assertEquals(0, db.size());
    }

    /**
     * Another actor thread's context scans and reads while this one commits, as the engine's scheduled tasks do
     * while its stream processor runs: no exception, every scan in key order, every value one that was committed,
     * and the keys that are never deleted always there.
     */
    @Test
    void scans_and_reads_of_another_context_see_only_committed_values_while_commits_run() throws Exception {
        SortedMapDb<ZbColumnFamilies> db = new SortedMapDb<>();
        TransactionContext writerContext = db.createContext();
        ColumnFamily<Raw, Raw> writer = db.createColumnFamily(FAMILIES[0], writerContext, new Raw(), new Raw());
        int stable = 200;
        writerContext.runInTransaction(() -> {
            for (int i = 0; i < stable; i++) {
                writer.upsert(new Raw(new byte[] {1, (byte) i}), new Raw(new byte[] {0}));
            }
        });
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread readerThread = Thread.ofPlatform().start(() -> {
            TransactionContext readerContext = db.createContext();
            ColumnFamily<Raw, Raw> reader = db.createColumnFamily(FAMILIES[0], readerContext, new Raw(), new Raw());
            try {
                while (!done.get()) {
                    List<byte[]> keys = new ArrayList<>();
                    reader.whileEqualPrefix(new Raw(new byte[] {1}), (k, v) -> {
                        keys.add(k.bytes.clone());
                        if (v.bytes.length != 1 || v.bytes[0] < 0) {
                            throw new AssertionError("a value never committed: " + hex(v.bytes));
                        }
                    });
                    assertEquals(stable, keys.size(), "the stable keys, all of them, once");
                    for (int i = 1; i < keys.size(); i++) {
                        assertTrue(SortedMapDb.ORDER.compare(keys.get(i - 1), keys.get(i)) < 0, "in key order");
                    }
                    reader.whileEqualPrefix(new Raw(new byte[] {2}), (k, v) -> {
                    });
                    reader.get(new Raw(new byte[] {2, 5}));
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        for (int round = 0; round < 3000 && failure.get() == null; round++) {
            byte value = (byte) (round % 100);
            writerContext.runInTransaction(() -> {
                for (int i = 0; i < stable; i += 7) {
                    writer.upsert(new Raw(new byte[] {1, (byte) i}), new Raw(new byte[] {value}));
                }
                for (int i = 0; i < 50; i++) { // keys that come and go
                    Raw churn = new Raw(new byte[] {2, (byte) i});
                    if (writer.exists(churn)) {
                        writer.deleteExisting(churn);
                    } else {
                        writer.insert(churn, new Raw(new byte[] {value}));
                    }
                }
            });
        }
        done.set(true);
        readerThread.join();
        assertNull(failure.get(), () -> String.valueOf(failure.get()));
    }
}
