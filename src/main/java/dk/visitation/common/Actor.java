package dk.visitation.common;

/** The actor recorded for what the service does by itself (process steps, scheduled jobs). */
public final class Actor {

    public static final String SYSTEM = "system";

    private Actor() {
    }
}
