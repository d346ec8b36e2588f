package dk.visitation.workflow.engine;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.DbKey;
import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.TransactionOperation;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.ZeebeDbInconsistentException;
import io.camunda.zeebe.db.ZeebeDbTransaction;
import io.camunda.zeebe.db.impl.DbNil;
import io.camunda.zeebe.protocol.EnumValue;
import io.camunda.zeebe.protocol.ScopedColumnFamily;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The in-process engine's state: a {@code ZeebeDb} whose prefix iteration seeks instead of copying.
 *
 * <p>Committed state is one concurrent sorted map of {@code byte[]} keys (column family ordinal as 8 bytes,
 * then the key, exactly as long as written: no padding) in unsigned lexicographic order, as RocksDB orders
 * them. Each {@link TransactionContext} keeps its transaction's pending writes in a sorted map of its own,
 * deletes as tombstones; a read looks at the pending writes first, then at the committed map. A commit
 * applies the pending writes under one lock (commits of different contexts never interleave). Contexts of
 * other actor threads (the engine's scheduled tasks: due timers, job time-outs, message TTL, batch
 * operations) read the committed map while a commit runs: the concurrent map never throws, and they see
 * each key either before or after the commit — a commit is not atomic across keys for such a reader, which
 * is harmless here because those tasks only write commands that the stream processor checks again.
 *
 * <p>Iteration is a seek (ceiling of the start key or the prefix) merged with the pending writes, one step
 * at a time ({@code higher} of the last key visited, in both maps), stopping at the first key outside the
 * prefix. Stepping by seek rather than by iterator means a visitor may write and delete in its own
 * transaction while it iterates: a key deleted ahead is not visited, a key written ahead is. Each step costs
 * O(log n), where the stock test store copied the whole database for every scan.
 *
 * <p>Written against the zeebe-db interfaces of 8.8 ({@code ZeebeDb}, {@code TransactionContext},
 * {@code ZeebeDbTransaction}, {@code ColumnFamily}); no snapshots.
 */
public final class SortedMapDb<C extends Enum<? extends EnumValue> & EnumValue & ScopedColumnFamily> implements ZeebeDb<C> {

    static final Comparator<byte[]> ORDER = Arrays::compareUnsigned;
    /** The value of a pending delete; compared by identity. */
    static final byte[] TOMBSTONE = new byte[0];

    private final ConcurrentSkipListMap<byte[], byte[]> committed = new ConcurrentSkipListMap<>(ORDER);
    private final ReentrantLock commitLock = new ReentrantLock();

    @Override
    public <K extends DbKey, V extends DbValue> ColumnFamily<K, V> createColumnFamily(C columnFamily,
            TransactionContext context, K keyInstance, V valueInstance) {
        return new SortedMapColumnFamily<>(columnFamily, columnFamily.ordinal(), (Context) context, keyInstance, valueInstance);
    }

    @Override
    public void createSnapshot(File snapshotDir) {
        throw new UnsupportedOperationException("The in-process engine keeps no snapshots");
    }

    @Override
    public Optional<String> getProperty(String propertyName) {
        return Optional.empty();
    }

    @Override
    public TransactionContext createContext() {
        return new Context();
    }

    @Override
    public boolean isEmpty(C column, TransactionContext context) {
        return createColumnFamily(column, context, EmptyKey.INSTANCE, DbNil.INSTANCE).isEmpty();
    }

    @Override
    public MeterRegistry getMeterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Override
    public void close() {
        committed.clear();
    }

    /** Committed entries (all column families): for metrics and tests. */
    public int size() {
        return committed.size();
    }

    /** One context per user (the stream processor, each scheduled task); not shared between threads. */
    final class Context implements TransactionContext, ZeebeDbTransaction {

        private final TreeMap<byte[], byte[]> pending = new TreeMap<>(ORDER);
        private boolean open;

        @Override
        public void runInTransaction(TransactionOperation operations) {
            try {
                if (open) {
                    operations.run();
                } else {
                    open = true;
                    try {
                        operations.run();
                        commit();
                    } catch (Exception e) {
                        rollback();
                        throw e;
                    }
                }
            } catch (ZeebeDbInconsistentException e) {
                throw e;
            } catch (Exception e) {
                throw new RuntimeException("Unexpected error occurred during zeebe db transaction operation.", e);
            }
        }

        @Override
        public ZeebeDbTransaction getCurrentTransaction() {
            if (!open) {
                pending.clear();
                open = true;
            }
            return this;
        }

        @Override
        public void run(TransactionOperation operations) throws Exception {
            operations.run();
        }

        @Override
        public void commit() {
            commitLock.lock();
            try {
                for (Map.Entry<byte[], byte[]> write : pending.entrySet()) {
                    if (write.getValue() == TOMBSTONE) {
                        committed.remove(write.getKey());
                    } else {
                        committed.put(write.getKey(), write.getValue());
                    }
                }
            } finally {
                commitLock.unlock();
            }
            pending.clear();
            open = false;
        }

        @Override
        public void rollback() {
            pending.clear();
            open = false;
        }

        void put(byte[] key, byte[] value) {
            pending.put(key, value);
        }

        void delete(byte[] key) {
            pending.put(key, TOMBSTONE);
        }

        byte[] get(byte[] key) {
            byte[] value = pending.get(key);
            if (value != null) {
                return value == TOMBSTONE ? null : value;
            }
            return committed.get(key);
        }

        /**
         * The first live entry at or after {@code from} ({@code inclusive}) or strictly after it, in the
         * committed state as this transaction sees it; null at the end.
         */
        Map.Entry<byte[], byte[]> next(byte[] from, boolean inclusive) {
            byte[] at = from;
            boolean include = inclusive;
            while (true) {
                Map.Entry<byte[], byte[]> c = include ? committed.ceilingEntry(at) : committed.higherEntry(at);
                Map.Entry<byte[], byte[]> p = include ? pending.ceilingEntry(at) : pending.higherEntry(at);
                if (c == null && p == null) {
                    return null;
                }
                Map.Entry<byte[], byte[]> chosen;
                if (p == null) {
                    chosen = c;
                } else if (c == null) {
                    chosen = p;
                } else {
                    chosen = ORDER.compare(p.getKey(), c.getKey()) <= 0 ? p : c; // a pending write shadows its key
                }
                if (chosen.getValue() != TOMBSTONE) {
                    return chosen;
                }
                at = chosen.getKey();
                include = false;
            }
        }
    }

    /** The key of length 0: a whole column family as prefix. */
    static final class EmptyKey implements DbKey {
        static final EmptyKey INSTANCE = new EmptyKey();

        @Override
        public void wrap(DirectBuffer buffer, int offset, int length) {
        }

        @Override
        public int getLength() {
            return 0;
        }

        @Override
        public int write(MutableDirectBuffer buffer, int offset) {
            return 0;
        }
    }
}
