package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The in-process engine's log, bounded by its readers: blocks are kept in a sorted map by their lowest
 * position, and at every append the blocks below the oldest block any open reader still holds are dropped.
 * A {@code LogStreamReaderImpl} holds exactly one block at a time (the one it read last), so with the stream
 * processor as the only long-lived reader the log keeps what it has not processed yet plus one block.
 *
 * <p>It extends {@link InMemoryLogStorage} only because {@code EngineStateMonitor} takes that type; every
 * method is overridden, the superclass's own list stays empty. With {@code keepAll} nothing is dropped (the
 * test profile, whose tests read the whole record stream).
 *
 * <p>Consequences: a reader that seeks back below the oldest block kept starts at the oldest block; a
 * stream processor cannot be re-opened on this log (a restart is a fresh engine, state rebuilt from the
 * database); the record stream ({@code getRecordStreamSource}) exists only with {@code keepAll}.
 */
public final class BoundedLogStorage extends InMemoryLogStorage {

    private final boolean keepAll;
    private final ConcurrentSkipListMap<Long, ByteBuffer> blocks = new ConcurrentSkipListMap<>();
    private final Set<Reader> readers = ConcurrentHashMap.newKeySet();
    private final List<CommitListener> commitListeners = new CopyOnWriteArrayList<>();
    private volatile long highestPosition;

    public BoundedLogStorage(boolean keepAll) {
        this.keepAll = keepAll;
    }

    @Override
    public LogStorageReader newReader() {
        Reader reader = new Reader();
        synchronized (this) {
            readers.add(reader);
            reader.seek(Long.MIN_VALUE);
        }
        return reader;
    }

    @Override
    public void append(long lowestPosition, long highestPosition, BufferWriter bufferWriter, AppendListener listener) {
        ByteBuffer buffer = ByteBuffer.allocate(bufferWriter.getLength());
        bufferWriter.write(new UnsafeBuffer(buffer), 0);
        append(lowestPosition, highestPosition, buffer, listener);
    }

    @Override
    public void append(long lowestPosition, long highestPosition, ByteBuffer blockBuffer, AppendListener listener) {
        synchronized (this) {
            blocks.put(lowestPosition, blockBuffer);
            this.highestPosition = highestPosition;
            dropPassedBlocks();
        }
        listener.onWrite(lowestPosition, highestPosition);
        listener.onCommit(lowestPosition, highestPosition);
        commitListeners.forEach(CommitListener::onCommit);
    }

    /** Drops every block below the oldest one an open reader holds; nothing while no reader is open. */
    private void dropPassedBlocks() {
        if (keepAll || readers.isEmpty()) {
            return;
        }
        long oldestHeld = Long.MAX_VALUE;
        for (Reader reader : readers) {
            oldestHeld = Math.min(oldestHeld, reader.held);
        }
        blocks.headMap(oldestHeld, false).clear();
    }

    @Override
    public void addCommitListener(CommitListener listener) {
        commitListeners.add(listener);
    }

    @Override
    public void removeCommitListener(CommitListener listener) {
        commitListeners.remove(listener);
    }

    /** Blocks kept now. */
    public int blockCount() {
        return blocks.size();
    }

    /** Open readers (the stream processor's, and any other that was not closed). */
    public int readerCount() {
        return readers.size();
    }

    /** The position of the last record appended: how many records the engine has written since it started. */
    public long highestPosition() {
        return highestPosition;
    }

    /** Reads blocks in order; {@code held} is the block it returned last (or will return next), which it protects. */
    private final class Reader implements LogStorageReader {

        private volatile long held = Long.MIN_VALUE;
        private long nextFrom = Long.MIN_VALUE;

        @Override
        public void seek(long position) {
            synchronized (BoundedLogStorage.this) {
                Long floor = blocks.floorKey(position);
                Long start = floor != null ? floor : blocks.isEmpty() ? Long.MIN_VALUE : blocks.firstKey();
                held = start;
                nextFrom = start;
            }
        }

        @Override
        public boolean hasNext() {
            return blocks.ceilingKey(nextFrom) != null;
        }

        @Override
        public DirectBuffer next() {
            synchronized (BoundedLogStorage.this) {
                Map.Entry<Long, ByteBuffer> block = blocks.ceilingEntry(nextFrom);
                if (block == null) {
                    throw new NoSuchElementException();
                }
                held = block.getKey();
                nextFrom = block.getKey() + 1;
                return new UnsafeBuffer(block.getValue());
            }
        }

        @Override
        public void close() {
            readers.remove(this);
        }
    }
}
