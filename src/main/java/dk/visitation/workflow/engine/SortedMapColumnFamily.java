package dk.visitation.workflow.engine;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.DbKey;
import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.KeyValuePairVisitor;
import io.camunda.zeebe.db.ZeebeDbInconsistentException;
import io.camunda.zeebe.db.impl.ZeebeDbConstants;
import io.camunda.zeebe.protocol.ColumnFamilyScope;
import io.camunda.zeebe.protocol.ScopedColumnFamily;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** One column family of {@link SortedMapDb}: keys prefixed by the family's ordinal, read through its context. */
final class SortedMapColumnFamily<K extends DbKey, V extends DbValue> implements ColumnFamily<K, V> {

    private final ScopedColumnFamily family;
    private final long ordinal;
    private final SortedMapDb<?>.Context context;
    private final K keyInstance;
    private final V valueInstance;
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer();

    SortedMapColumnFamily(ScopedColumnFamily family, long ordinal, SortedMapDb<?>.Context context, K keyInstance, V valueInstance) {
        this.family = family;
        this.ordinal = ordinal;
        this.context = context;
        this.keyInstance = keyInstance;
        this.valueInstance = valueInstance;
    }

    /** The stored key: the family's ordinal (8 bytes, the engine's byte order), then the key as written. */
    byte[] keyOf(DbKey key) {
        scratch.putLong(0, ordinal, ZeebeDbConstants.ZB_DB_BYTE_ORDER);
        key.write(scratch, Long.BYTES);
        return Arrays.copyOf(scratch.byteArray(), Long.BYTES + key.getLength());
    }

    private static byte[] valueOf(DbValue value) {
        ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(Math.max(16, value.getLength()));
        value.write(buffer, 0);
        return Arrays.copyOf(buffer.byteArray(), value.getLength());
    }

    private void inTransaction(Runnable operation) {
        context.runInTransaction(operation::run);
    }

    @Override
    public void insert(K key, V value) {
        inTransaction(() -> {
            byte[] k = keyOf(key);
            if (context.get(k) != null) {
                throw new ZeebeDbInconsistentException("Key " + key + " in ColumnFamily " + family + " already exists");
            }
            context.put(k, valueOf(value));
        });
    }

    @Override
    public void update(K key, V value) {
        inTransaction(() -> {
            byte[] k = keyOf(key);
            if (context.get(k) == null) {
                throw new ZeebeDbInconsistentException("Key " + key + " in ColumnFamily " + family + " does not exist");
            }
            context.put(k, valueOf(value));
        });
    }

    @Override
    public void upsert(K key, V value) {
        inTransaction(() -> context.put(keyOf(key), valueOf(value)));
    }

    @Override
    public V get(K key) {
        byte[] value = read(key);
        if (value == null) {
            return null;
        }
        valueInstance.wrap(new UnsafeBuffer(value), 0, value.length);
        return valueInstance;
    }

    @Override
    public V get(K key, Supplier<V> valueSupplier) {
        byte[] value = read(key);
        if (value == null) {
            return null;
        }
        V fresh = valueSupplier.get();
        fresh.wrap(new UnsafeBuffer(value), 0, value.length);
        return fresh;
    }

    private byte[] read(K key) {
        byte[][] found = new byte[1][];
        inTransaction(() -> found[0] = context.get(keyOf(key)));
        return found[0];
    }

    @Override
    public void forEach(Consumer<V> consumer) {
        visit(null, SortedMapDb.EmptyKey.INSTANCE, (k, v) -> {
            consumer.accept(v);
            return true;
        });
    }

    @Override
    public void forEach(BiConsumer<K, V> consumer) {
        visit(null, SortedMapDb.EmptyKey.INSTANCE, (k, v) -> {
            consumer.accept(k, v);
            return true;
        });
    }

    @Override
    public void whileTrue(K startAtKey, KeyValuePairVisitor<K, V> visitor) {
        visit(startAtKey, SortedMapDb.EmptyKey.INSTANCE, visitor);
    }

    @Override
    public void whileTrue(KeyValuePairVisitor<K, V> visitor) {
        visit(null, SortedMapDb.EmptyKey.INSTANCE, visitor);
    }

    @Override
    public void whileEqualPrefix(DbKey keyPrefix, BiConsumer<K, V> visitor) {
        visit(null, keyPrefix, (k, v) -> {
            visitor.accept(k, v);
            return true;
        });
    }

    @Override
    public void whileEqualPrefix(DbKey keyPrefix, KeyValuePairVisitor<K, V> visitor) {
        visit(null, keyPrefix, visitor);
    }

    @Override
    public void whileEqualPrefix(DbKey keyPrefix, K startAtKey, KeyValuePairVisitor<K, V> visitor) {
        visit(startAtKey, keyPrefix, visitor);
    }

    /**
     * Visits the entries whose key starts with {@code prefix}, from {@code startAt} (or the prefix) on, until
     * the visitor answers false or a key leaves the prefix. Each step seeks past the last key visited, so
     * the visitor may change its own transaction meanwhile.
     */
    private void visit(DbKey startAt, DbKey prefix, KeyValuePairVisitor<K, V> visitor) {
        byte[] prefixBytes = keyOf(prefix);
        byte[] seek = startAt == null ? prefixBytes : keyOf(startAt);
        byte[] from = SortedMapDb.ORDER.compare(seek, prefixBytes) < 0 ? prefixBytes : seek;
        inTransaction(() -> {
            boolean inclusive = true;
            byte[] at = from;
            while (true) {
                Map.Entry<byte[], byte[]> entry = context.next(at, inclusive);
                if (entry == null || !startsWith(entry.getKey(), prefixBytes)) {
                    return;
                }
                byte[] key = entry.getKey();
                byte[] value = entry.getValue();
                keyInstance.wrap(new UnsafeBuffer(key, Long.BYTES, key.length - Long.BYTES), 0, key.length - Long.BYTES);
                valueInstance.wrap(new UnsafeBuffer(value), 0, value.length);
                if (!visitor.visit(keyInstance, valueInstance)) {
                    return;
                }
                at = key;
                inclusive = false;
            }
        });
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public void deleteExisting(K key) {
        inTransaction(() -> {
            byte[] k = keyOf(key);
            if (context.get(k) == null) {
                throw new ZeebeDbInconsistentException("Key " + key + " in ColumnFamily " + family + " does not exist");
            }
            context.delete(k);
        });
    }

    @Override
    public void deleteIfExists(K key) {
        inTransaction(() -> context.delete(keyOf(key)));
    }

    @Override
    public boolean exists(K key) {
        return read(key) != null;
    }

    @Override
    public boolean isEmpty() {
        boolean[] empty = {true};
        visit(null, SortedMapDb.EmptyKey.INSTANCE, (k, v) -> {
            empty[0] = false;
            return false;
        });
        return empty[0];
    }

    @Override
    public long count() {
        return countEqualPrefix(SortedMapDb.EmptyKey.INSTANCE);
    }

    @Override
    public long countEqualPrefix(DbKey prefix) {
        long[] count = {0};
        visit(null, prefix, (k, v) -> {
            count[0]++;
            return true;
        });
        return count[0];
    }

    @Override
    public ColumnFamilyScope partitionScope() {
        return family.partitionScope();
    }
}
