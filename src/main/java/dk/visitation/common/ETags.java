package dk.visitation.common;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Entity tags from the row version: a change bumps the version, so a client holding an old tag is
 * told (412) instead of overwriting someone else's change.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version a change may apply to: 428 without If-Match, 412 when it is not the current one. */
    public static void requireCurrent(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the version you are changing");
        }
        String current = of(currentVersion).toString();
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.trim();
            if (!candidate.equals("*") && !candidate.startsWith("\"") && !candidate.startsWith("W/\"")) {
                // an entity tag is quoted (RFC 9110): 0 is not "0", and guessing would hide a client's bug
                throw ProblemException.invalid(HttpHeaders.IF_MATCH, "must be a quoted entity tag as the ETag header gives it, "
                        + "e.g. If-Match: \"" + candidate.replace("\"", "") + "\" (not " + candidate + ")");
            }
            if (candidate.equals("*") || candidate.equals(current) || candidate.equals("W/" + current)) {
                return;
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                "The resource is at version " + current + "; fetch it again and reapply your change");
    }

    /** True when the client's If-None-Match names the current version (answer 304). */
    public static boolean notModified(String ifNoneMatch, long currentVersion) {
        if (ifNoneMatch == null) {
            return false;
        }
        String current = of(currentVersion).toString();
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*") || candidate.equals(current) || candidate.equals("W/" + current)) {
                return true;
            }
        }
        return false;
    }
}
