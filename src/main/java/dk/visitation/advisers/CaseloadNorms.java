package dk.visitation.advisers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The caseload norms, in open cases per full-time adviser (FTE), as Dansk Socialrådgiverforening recommends them:
 * a load below the lower bound is UNDER, above the upper bound OVER.
 */
@ConfigMapping(prefix = "visitation.caseload")
public interface CaseloadNorms {

    Norm disability();

    Norm childrenAndFamily();

    /** The hours of a full-time post a week: weekly hours in the register are FTE by this. */
    @WithDefault("37")
    int fullTimeHours();

    interface Norm {
        int min();

        int max();
    }
}
