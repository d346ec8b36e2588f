package dk.visitation.economy;

/** A grant after a change to it (its start recorded, its end cut), and whether the call only repeated one already made. */
public record GrantChanged(Grant grant, boolean replayed) {
}
