package dk.visitation.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.CredentialsProvider;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;

/** The Camunda client as a CDI bean, pointed at the in-process engine or at the cluster. */
public class CamundaClientProducer {

    @Produces
    @Singleton
    CamundaClient camundaClient(EngineSettings settings, EmbeddedEngine embedded) {
        URI grpc = embedded.address().or(settings::grpcAddress)
                .orElseThrow(() -> new IllegalStateException(
                        "visitation.engine.grpc-address is required when visitation.engine.mode=external"));
        URI rest = embedded.address().or(settings::restAddress).orElse(grpc);
        CamundaClientBuilder builder = CamundaClient.newClientBuilder()
                .grpcAddress(grpc)
                .restAddress(rest)
                .preferRestOverGrpc(false)
                .applyEnvironmentVariableOverrides(false)
                .defaultJobWorkerStreamEnabled(true)
                .numJobWorkerExecutionThreads(settings.jobThreads())
                .defaultJobTimeout(settings.jobTimeout())
                .defaultMessageTimeToLive(settings.messageTimeToLive());
        if (settings.clientId().isPresent()) {
            builder.credentialsProvider(oauth(settings));
        }
        return builder.build();
    }

    void close(@Disposes CamundaClient client) {
        BoundedClose.within(java.time.Duration.ofSeconds(10), "camunda-client", client::close);
    }

    private static CredentialsProvider oauth(EngineSettings settings) {
        var oauth = CredentialsProvider.newCredentialsProviderBuilder()
                .clientId(settings.clientId().orElseThrow())
                .clientSecret(settings.clientSecret().orElseThrow(
                        () -> new IllegalStateException("visitation.engine.client-secret is required with a client id")));
        settings.authorizationServerUrl().ifPresent(url -> oauth.authorizationServerUrl(url.toString()));
        settings.tokenAudience().ifPresent(oauth::audience);
        return oauth.build();
    }
}
