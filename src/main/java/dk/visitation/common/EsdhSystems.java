package dk.visitation.common;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/**
 * The ESDH systems (journal systems) a document reference may name, each with the format of its case numbers:
 * {@code visitation.esdh.systems.<NAME>.case-number-pattern} (a Java regular expression matched against the whole
 * number) and optionally {@code document-id-pattern}. A reference to a system not listed here is refused. Defaults for
 * SBSYS, ACADRE, WORKZONE and KMD_EDH (KLE-style case numbers such as {@code 27.24.00-G01-123-22}) are in
 * application.properties; a municipality lists its own.
 */
@ConfigMapping(prefix = "visitation.esdh")
public interface EsdhSystems {

    Map<String, EsdhSystem> systems();

    interface EsdhSystem {
        String caseNumberPattern();

        Optional<String> documentIdPattern();
    }
}
