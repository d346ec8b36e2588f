package dk.visitation.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdBatchesTest {

    @Test
    void ids_are_cut_into_batches_of_at_most_a_thousand_in_their_order() {
        assertEquals(List.of(), IdBatches.of(List.of()));
        List<Integer> thousand = IntStream.range(0, 1000).boxed().toList();
        assertEquals(List.of(thousand), IdBatches.of(thousand));
        List<List<Integer>> batches = IdBatches.of(IntStream.range(0, 2001).boxed().toList());
        assertEquals(List.of(1000, 1000, 1), batches.stream().map(List::size).toList());
        assertEquals(2000, batches.getLast().getFirst());
    }
}
