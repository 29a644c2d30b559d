package dev.vai.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import jakarta.persistence.Entity;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

/**
 * The design card's shape, checked on the compiled code of every module. ArchUnit's fail-on-empty-should stays on
 * (see archunit.properties), so a rule whose classes vanished fails instead of passing vacuously.
 */
class ArchitectureTest {

    private static final String DOMAIN = "dev.vai.token..";
    private static final String PROJECTIONS = "dev.vai.projection..";
    private static final String LIFECYCLE = "dev.vai.lifecycle..";
    private static final String API = "dev.vai.api..";
    private static final String EXPORT = "dev.vai.export..";
    private static final String DEV_BROKER = "dev.vai.devbroker..";
    private static final String APP = "dev.vai.app..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.vai");
    }

    @Test
    void theDomainUsesNoSpringWebJpaJacksonOrKafkaTypes() {
        ArchRule rule = noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "jakarta.servlet..",
                        "com.fasterxml.jackson..", "org.apache.kafka..", "org.hibernate..")
                .as("token-domain uses no Spring, web, JPA, Jackson or Kafka types");
        rule.check(classes);
    }

    @Test
    void theApiDoesNotReachIntoProjectionInternals() {
        ArchRule rule = noClasses().that().resideInAPackage(API)
                .should().dependOnClassesThat(describe("projection internals (entities, event handlers, JPA)",
                        (JavaClass target) -> target.isAnnotatedWith(Entity.class)
                                || target.isAnnotatedWith(ProcessingGroup.class)
                                || target.getPackageName().startsWith("jakarta.persistence")
                                || target.getPackageName().startsWith("org.springframework.data")))
                .as("token-api uses the projections' query classes only, never their entities, handlers or JPA");
        rule.check(classes);
    }

    /** Each package wires its own filters (see spring-restbucks): no other package can build one. */
    @Test
    void theApisFiltersResolversAndValvesAreBuiltByTheirOwnPackage() {
        constructors().that().areDeclaredInClassesThat().resideInAPackage(API)
                .and().areDeclaredInClassesThat(describe("filters, argument resolvers or valves", (JavaClass owner) ->
                        owner.isAssignableTo(jakarta.servlet.Filter.class)
                                || owner.isAssignableTo(HandlerMethodArgumentResolver.class)
                                || owner.isAssignableTo(org.apache.catalina.Valve.class)))
                .should().notBePublic()
                .as("token-api's filters, argument resolvers and valves are wired by their own package's configuration")
                .check(classes);
    }

    @Test
    void theLifecycleKnowsNothingOfHttp() {
        noClasses().that().resideInAPackage(LIFECYCLE)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web..",
                        "org.springframework.http..", "com.fasterxml.jackson..", "org.apache.catalina..")
                .as("token-lifecycle is application logic: no servlet, Spring web, HTTP, JSON or Tomcat types")
                .check(classes);
    }

    @Test
    void onlyTheLifecycleSendsTheAggregatesCommands() {
        noClasses().that().resideOutsideOfPackages(LIFECYCLE, DOMAIN)
                .should().dependOnClassesThat().belongToAnyOf(CommandGateway.class, CommandBus.class)
                .orShould().dependOnClassesThat(describe("the aggregate's commands", (JavaClass target) ->
                        target.getName().equals("dev.vai.token.IssueAccessToken")
                                || target.getName().equals("dev.vai.token.RevokeAccessToken")))
                .as("issuing and revoking go through token-lifecycle (TokenLifecycle), never around it")
                .check(classes);
    }

    @Test
    void theExporterDependsOnTheDomainsEventsOnlyNeverOnTheApiOrTheReadModels() {
        noClasses().that().resideInAPackage(EXPORT)
                .should().dependOnClassesThat().resideInAnyPackage(API, PROJECTIONS, "dev.vai.token.secret..")
                .orShould().dependOnClassesThat(describe("the aggregate or its commands", (JavaClass target) ->
                        target.getName().equals("dev.vai.token.AccessToken")
                                || target.getName().equals("dev.vai.token.IssueAccessToken")
                                || target.getName().equals("dev.vai.token.RevokeAccessToken")))
                .as("audit-export reads the domain's events, never the API, the read models, the aggregate, its"
                        + " commands or the token secrets")
                .check(classes);
    }

    /** Periodic work runs on the one TaskScheduler the application module owns, not on threads of its own. */
    @Test
    void noModuleMakesItsOwnScheduledExecutor() {
        noClasses().should().dependOnClassesThat().areAssignableTo(java.util.concurrent.ScheduledExecutorService.class)
                .orShould().dependOnClassesThat().belongToAnyOf(java.util.concurrent.Executors.class)
                .as("periodic work is scheduled on the application's TaskScheduler (SchedulerConfiguration)")
                .check(classes);
    }

    @Test
    void modulesDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("domain").definedBy(DOMAIN)
                .layer("projections").definedBy(PROJECTIONS)
                .layer("lifecycle").definedBy(LIFECYCLE)
                .layer("export").definedBy(EXPORT)
                .layer("api").definedBy(API)
                .layer("dev broker").definedBy(DEV_BROKER)
                .layer("app").definedBy(APP)
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("dev broker").mayOnlyBeAccessedByLayers("app")
                .whereLayer("api").mayOnlyBeAccessedByLayers("app")
                .whereLayer("export").mayOnlyBeAccessedByLayers("app")
                .whereLayer("lifecycle").mayOnlyBeAccessedByLayers("api", "app")
                .whereLayer("projections").mayOnlyBeAccessedByLayers("lifecycle", "api", "app")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("projections", "lifecycle", "export", "api", "app")
                .check(classes);
    }

    @Test
    void noModuleHasAPackageCycle() {
        SlicesRuleDefinition.slices().assignedFrom(packagesWithinEachModule())
                .should().beFreeOfCycles()
                .check(classes);
    }

    /** Every package is a slice of the module it belongs to; cycles are looked for between a module's packages. */
    private static SliceAssignment packagesWithinEachModule() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                return name.startsWith("dev.vai.") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of each module";
            }
        };
    }
}
