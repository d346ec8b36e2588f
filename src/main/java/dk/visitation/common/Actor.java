package dk.visitation.common;

/** Who did something, for history and audit. The security feature will derive it from the token. */
public final class Actor {

    public static final String SYSTEM = "system";
    public static final String ANONYMOUS = "anonymous";

    private Actor() {
    }
}
