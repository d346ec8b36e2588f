package dk.visitation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.camunda.client.CamundaClient;
import jakarta.persistence.Entity;

/** The package-by-feature boundaries of ARCHITECTURE.md, as rules that fail the build. */
@AnalyzeClasses(packages = "dk.visitation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule features_do_not_depend_on_each_other_in_cycles =
            slices().matching("dk.visitation.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_shared_kernel_depends_on_no_feature =
            noClasses().that().resideInAPackage("dk.visitation.common..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "dk.visitation.cases..", "dk.visitation.workflow..", "dk.visitation.runtime..",
                            "dk.visitation.security..");

    @ArchTest
    static final ArchRule security_knows_no_business_feature =
            noClasses().that().resideInAPackage("dk.visitation.security..")
                    .should().dependOnClassesThat().resideInAnyPackage("dk.visitation.cases..", "dk.visitation.workflow..");

    @ArchTest
    static final ArchRule the_engine_wiring_knows_no_business_feature =
            noClasses().that().resideInAPackage("dk.visitation.workflow..")
                    .should().dependOnClassesThat().resideInAnyPackage("dk.visitation.cases..", "dk.visitation.tasks..",
                            "dk.visitation.security..");

    @ArchTest
    static final ArchRule entities_are_used_only_inside_their_own_feature =
            classes().that().areAnnotatedWith(Entity.class).should(new ArchCondition<>("be used only inside their own feature") {
                @Override
                public void check(JavaClass entity, ConditionEvents events) {
                    for (Dependency dependency : entity.getDirectDependenciesToSelf()) {
                        if (!feature(dependency.getOriginClass()).equals(feature(entity))) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    @ArchTest
    static final ArchRule features_command_the_engine_only_through_the_outbox =
            noClasses().that().resideOutsideOfPackage("dk.visitation.workflow..")
                    .should().dependOnClassesThat().areAssignableTo(CamundaClient.class);

    @ArchTest
    static final ArchRule the_embedded_engine_stays_behind_the_workflow_feature =
            noClasses().that().resideOutsideOfPackage("dk.visitation.workflow..")
                    .should().dependOnClassesThat().resideInAPackage("io.camunda.zeebe.process.test..");

    @ArchTest
    static final ArchRule entities_live_in_the_feature_that_owns_their_table =
            classes().that().areAnnotatedWith(Entity.class)
                    .should().resideOutsideOfPackages("dk.visitation.common..", "dk.visitation.runtime..");

    /** "dk.visitation.cases.x" → "cases". */
    private static String feature(JavaClass type) {
        String rest = type.getPackageName().substring("dk.visitation".length());
        return rest.isEmpty() ? "" : rest.substring(1).split("\\.")[0];
    }
}
